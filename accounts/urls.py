from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("registro/", views.register_view, name="register"),
    path("ingresar/", views.login_view, name="login"),
    path("salir/", views.logout_view, name="logout"),
    path("cuenta/eliminar/", views.erase_account_view, name="erase"),
]
