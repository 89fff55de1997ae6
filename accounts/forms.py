from django import forms
from django.contrib.auth import password_validation

from accounts.cedula import CedulaError, normalize
from accounts.models import User
from accounts.names import PersonNameError, clean_person_name
from accounts.selectors import user_get_by_cedula
from accounts.services import DUPLICATE_CEDULA_MESSAGE


class CedulaField(forms.CharField):
    """Accepts "1.023.456.789" and similar; cleans to ASCII digits or a Spanish error."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Número de cédula")
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "autocomplete": "username"})
        return attrs

    def clean(self, value):
        value = super().clean(value)
        try:
            return normalize(value)
        except CedulaError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class PersonNameField(forms.CharField):
    """A person's name, cleaned of invisible and direction-control characters (`accounts.names`)."""

    def clean(self, value):
        value = super().clean(value)
        try:
            return clean_person_name(value)
        except PersonNameError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class RegistrationForm(forms.Form):
    nombres = PersonNameField(
        label="Nombres", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    apellidos = PersonNameField(
        label="Apellidos", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    cedula = CedulaField()
    email = forms.EmailField(label="Correo electrónico", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(
        label="Contraseña",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Al menos 8 caracteres; no solo números ni una contraseña común.",
    )
    password2 = forms.CharField(
        label="Repita la contraseña", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_cedula(self):
        cedula = self.cleaned_data["cedula"]
        if user_get_by_cedula(cedula=cedula) is not None:
            raise forms.ValidationError(DUPLICATE_CEDULA_MESSAGE, code="cedula_taken")
        return cedula

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean() returns cleaned_data; the stubs allow an override's None
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "Las contraseñas no coinciden.")
        elif p1:
            candidate = User(
                cedula=cleaned.get("cedula", ""),
                nombres=cleaned.get("nombres", ""),
                apellidos=cleaned.get("apellidos", ""),
                email=cleaned.get("email", ""),
            )
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class LoginForm(forms.Form):
    cedula = CedulaField()
    password = forms.CharField(
        label="Contraseña", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label="Su contraseña",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Para confirmar que es usted.",
    )
    confirm = forms.BooleanField(label="Entiendo que mi cuenta y mis datos se eliminan para siempre.", required=True)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("La contraseña no es correcta.", code="wrong_password")
        return password
