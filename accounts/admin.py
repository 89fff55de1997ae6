from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm

from accounts.cedula import CedulaError, normalize
from accounts.models import User
from accounts.names import PersonNameError, clean_person_name
from accounts.services import DUPLICATE_CEDULA_MESSAGE, user_register


class CleanNamesMixin:
    """Names without invisible or direction-control characters, as registration stores them."""

    cleaned_data: dict

    def _clean_name(self, field: str) -> str:
        try:
            return clean_person_name(self.cleaned_data.get(field, ""))
        except PersonNameError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_nombres(self) -> str:
        return self._clean_name("nombres")

    def clean_apellidos(self) -> str:
        return self._clean_name("apellidos")


class UserAdminCreationForm(CleanNamesMixin, BaseUserCreationForm):
    # Typed as people write it ("1.023.456.789"); normalised before the model's 10-digit limit applies.
    cedula = forms.CharField(label="Cédula", max_length=20)
    email_vouched = forms.BooleanField(
        label="El correo es correcto: la persona está presente (sin enlace de confirmación)",
        required=False,
        initial=True,
        help_text="Sin marcar, le enviamos un enlace y su cédula se verifica cuando lo abra.",
    )

    class Meta:
        model = User
        fields = ("cedula", "nombres", "apellidos", "email")

    def clean_cedula(self) -> str:
        try:
            cedula = normalize(self.cleaned_data.get("cedula", ""))
        except CedulaError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if User.objects.filter(cedula=cedula).exists():
            raise forms.ValidationError(DUPLICATE_CEDULA_MESSAGE)
        return cedula


class UserAdminChangeForm(CleanNamesMixin, UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserAdminChangeForm
    add_form = UserAdminCreationForm
    # The cédula is personal data: list views show it masked; the change form shows it in full.
    list_display = ("cedula_masked", "nombres", "apellidos", "email", "is_staff", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("=cedula", "nombres", "apellidos", "email")
    ordering = ("-date_joined",)
    fieldsets = (
        (None, {"fields": ("cedula", "password")}),
        ("Datos personales", {"fields": ("nombres", "apellidos", "email")}),
        ("Permisos", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Fechas", {"fields": ("last_login", "date_joined", "email_confirmed_at", "email_confirmation_required")}),
    )
    # Confirmation is an event (EmailConfirmed): never a field staff edit by hand.
    readonly_fields = ("email_confirmed_at", "email_confirmation_required")
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("cedula", "nombres", "apellidos", "email", "email_vouched", "password1", "password2"),
            },
        ),
    )

    def save_model(self, request, obj: User, form, change: bool) -> None:
        """A person added here is registered like any other (`user_register`: the account, the
        `UserRegistered` event and its deliveries, so their cédula is verified once their address is
        confirmed: at once when staff vouch for it, else by the mailed link); edits save as usual."""
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        user = user_register(
            cedula=data["cedula"],
            nombres=data.get("nombres", ""),
            apellidos=data.get("apellidos", ""),
            email=data.get("email", ""),
            password=data["password1"],
            actor=f"staff:{request.user.pk}",
            email_vouched_by=f"staff:{request.user.pk}" if data.get("email_vouched") else None,
        )
        # The admin goes on with `obj` (log entry, redirect): make it the row the service created.
        obj.pk, obj.password, obj._state.adding, obj._state.db = user.pk, user.password, False, user._state.db

    @admin.display(description="cédula", ordering="cedula")
    def cedula_masked(self, obj: User) -> str:
        return obj.cedula_masked
