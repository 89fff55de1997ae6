from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm

from accounts.models import User


class UserAdminCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("cedula", "nombres", "apellidos", "email")


class UserAdminChangeForm(UserChangeForm):
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
        ("Fechas", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("cedula", "nombres", "apellidos", "email", "password1", "password2")}),
    )

    @admin.display(description="cédula", ordering="cedula")
    def cedula_masked(self, obj: User) -> str:
        return obj.cedula_masked
