from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation

from accounts.cedula import CedulaError, normalize
from accounts.http import client_ip
from accounts.models import User
from accounts.names import PersonNameError, clean_person_name
from accounts.proof_of_work import FIELD_NAME as POW_FIELD
from accounts.services import (
    ProofOfWorkRequired,
    login_challenge,
    user_authenticate,
)
from core.exceptions import ApplicationError


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


class PersonWithPasswordForm(forms.Form):
    """Who a new account is for and its password (the registration and the claim of a cédula)."""

    nombres = PersonNameField(
        label="Nombres", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    apellidos = PersonNameField(
        label="Apellidos", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label="Contraseña",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Al menos 8 caracteres; no solo números ni una contraseña común.",
    )
    password2 = forms.CharField(
        label="Repita la contraseña", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

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


class RegistrationForm(PersonWithPasswordForm):
    # No check of whether the cédula has an account: the answer must be the same either way
    # (`user_registration_submit` mails the address what happened).
    cedula = CedulaField()
    email = forms.EmailField(label="Correo electrónico", widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    field_order = ["nombres", "apellidos", "cedula", "email", "password1", "password2"]


class ClaimForm(PersonWithPasswordForm):
    """ "Esta cédula es mía": who the claimant is, the password of the account they would get, and
    why the cédula is theirs."""

    statement = forms.CharField(
        label="¿Por qué la cédula es suya?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Por ejemplo: cuándo intentó registrarse y si conoce a quien creó la cuenta. "
        "No envíe fotos de documentos por aquí; el equipo de soporte se las pedirá si hacen falta.",
    )

    field_order = ["nombres", "apellidos", "statement", "password1", "password2"]


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decisión",
        choices=[("transfer", "Aprobar: cerrar la cuenta actual y abrir la de quien reclama"), ("reject", "Rechazar")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="Motivo", max_length=300)


class LoginForm(forms.Form):
    cedula = CedulaField()
    password = forms.CharField(
        label="Contraseña", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login, throttled as the person's is (`user_authenticate`): repeated failures ask
    for a proof of work (`pow_challenge`, shown by templates/admin/pm_login.html), never a lock-out."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.pow_challenge = login_challenge(client_ip=client_ip(request)) if request is not None else None

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = user_authenticate(
                    request=self.request,
                    cedula=username,
                    password=password,
                    client_ip=client_ip(self.request) if self.request is not None else "unknown",
                    pow_payload=self.data.get(POW_FIELD),
                )
            except ProofOfWorkRequired as exc:
                self.pow_challenge = exc.challenge
                raise forms.ValidationError(exc.message, code="pow_required") from exc
            except ApplicationError as exc:
                raise self.get_invalid_login_error() from exc
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


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


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label="Correo nuevo", widget=forms.EmailInput(attrs={"autocomplete": "email"}), max_length=254
    )
    password = forms.CharField(
        label="Su contraseña actual",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Para confirmar que es usted.",
    )
