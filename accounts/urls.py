from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("registro/", views.register_view, name="register"),
    path("registro/revise-su-correo/", views.registration_sent_view, name="registration_sent"),
    path("correo/confirmar/<uidb64>/<token>/", views.email_confirm_view, name="email_confirm"),
    path("correo/reenviar/", views.email_confirmation_resend_view, name="email_confirmation_resend"),
    path("ingresar/", views.login_view, name="login"),
    path("salir/", views.logout_view, name="logout"),
    path("cuenta/", views.account_view, name="account"),
    path("cuenta/eliminar/", views.erase_account_view, name="erase"),
    path("correo/cambiar/<uidb64>/<token>/", views.email_change_confirm_view, name="email_change_confirm"),
    path("reclamar/<str:token>/", views.claim_view, name="claim"),
    path("soporte/reclamos/", views.claims_console_view, name="claims_console"),
    path("soporte/reclamos/<int:claim_id>/", views.claim_review_view, name="claim_review"),
    path("contrasena/olvido/", views.password_reset_view, name="password_reset"),
    path("contrasena/enviada/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("contrasena/nueva/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("contrasena/lista/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
