from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.forms import (
    ClaimDecisionForm,
    ClaimForm,
    EmailChangeForm,
    EraseAccountForm,
    LoginForm,
    RegistrationForm,
)
from accounts.http import AuthenticatedHttpRequest, client_ip
from accounts.models import CedulaClaim
from accounts.proof_of_work import FIELD_NAME as POW_FIELD
from accounts.selectors import cedula_claims_open
from accounts.services import (
    ProofOfWorkRequired,
    cedula_claim_decide,
    cedula_claim_file,
    claim_ticket_read,
    login_challenge,
    registration_challenge,
    user_authenticate,
    user_email_change_confirm,
    user_email_change_request,
    user_email_confirm,
    user_email_confirmation_resend,
    user_erase,
    user_password_change,
    user_password_reset_request,
    user_registration_submit,
)
from core.exceptions import ApplicationError


def _form_page(request: HttpRequest, template: str, form: Form, status: int, pow_challenge: str | None) -> HttpResponse:
    """A form page that may carry a proof-of-work challenge (the one a refusal brought, or the one the
    client's network needs now); 400 when the form has errors and nothing else set the status."""
    if form.errors and status == 200:
        status = 400
    return render(request, template, {"form": form, "pow_challenge": pow_challenge}, status=status)


@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = RegistrationForm(request.POST or None)
    ip = client_ip(request)
    status = 200
    pow_challenge = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user_registration_submit(
                cedula=data["cedula"],
                nombres=data["nombres"],
                apellidos=data["apellidos"],
                email=data["email"],
                password=data["password1"],
                client_ip=ip,
                pow_payload=request.POST.get(POW_FIELD),
            )
        except ProofOfWorkRequired as exc:
            form.add_error(None, exc.message)
            pow_challenge = exc.challenge
            status = 429
        except ApplicationError as exc:
            form.add_error(exc.field, exc.message)
            status = 429 if exc.code == "registration_limited" else 400
        else:
            return redirect("accounts:registration_sent")
    return _form_page(
        request, "accounts/register.html", form, status, pow_challenge or registration_challenge(client_ip=ip)
    )


@require_GET
def registration_sent_view(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/registration_sent.html")


@never_cache
@require_GET
def email_confirm_view(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link mailed to a new account: confirms the address and logs the person in."""
    try:
        user = user_email_confirm(uidb64=uidb64, token=token)
    except ApplicationError as exc:
        return render(request, "accounts/email_confirm_failed.html", {"message": exc.message}, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "¡Listo! Confirmamos su correo. Ya estamos verificando su cédula.")
    return redirect("accounts:home")


@login_required
@require_POST
def email_confirmation_resend_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        user_email_confirmation_resend(user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Le enviamos de nuevo el enlace a {request.user.email}.")
    return redirect("accounts:home")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = LoginForm(request.POST or None)
    ip = client_ip(request)
    status = 200
    pow_challenge = None
    if request.method == "POST" and form.is_valid():
        try:
            user = user_authenticate(
                request=request,
                cedula=form.cleaned_data["cedula"],
                password=form.cleaned_data["password"],
                client_ip=ip,
                pow_payload=request.POST.get(POW_FIELD),
            )
        except ProofOfWorkRequired as exc:
            form.add_error(None, exc.message)
            pow_challenge = exc.challenge
            status = 429
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            login(request, user)
            return redirect("accounts:home")
    return _form_page(request, "accounts/login.html", form, status, pow_challenge or login_challenge(client_ip=ip))


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "Cerró su sesión.")
    return redirect("accounts:login")


@never_cache  # a person's census answer: never kept by a browser or proxy cache
@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/home.html")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def erase_account_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Habeas data: the person deletes their account and personal data."""
    form = EraseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        # Erase first: if it fails the person is still logged in and can try again.
        user_erase(user=user, actor=f"user:{user.pk}")
        logout(request)
        messages.success(request, "Eliminamos su cuenta y sus datos personales.")
        return redirect("accounts:login")
    return render(request, "accounts/erase.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's account page: a new e-mail (used once the link mailed to it is opened) and a new
    password (Django's form checks the old one and the validators)."""
    action = request.POST.get("action") if request.method == "POST" else None
    email_form = EmailChangeForm(request.POST if action == "email" else None)
    password_form = PasswordChangeForm(request.user, request.POST if action == "password" else None)
    if action == "email" and email_form.is_valid():
        try:
            user_email_change_request(
                user=request.user,
                new_email=email_form.cleaned_data["new_email"],
                password=email_form.cleaned_data["password"],
            )
        except ApplicationError as exc:
            email_form.add_error("password" if exc.code == "wrong_password" else "new_email", exc.message)
        else:
            messages.success(request, "Le enviamos un enlace a su correo nuevo. Ábralo para empezar a usarlo.")
            return redirect("accounts:account")
    if action == "password" and password_form.is_valid():
        user_password_change(user=request.user, new_password=password_form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)  # this session stays; the others end
        messages.success(request, "Cambiamos su contraseña.")
        return redirect("accounts:account")
    invalid = email_form.errors or password_form.errors
    context = {"email_form": email_form, "password_form": password_form}
    return render(request, "accounts/account.html", context, status=400 if invalid else 200)


@never_cache
@require_GET
def email_change_confirm_view(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link mailed to a new address. It changes the address and nothing else: no login."""
    try:
        user_email_change_confirm(uidb64=uidb64, token=token)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("accounts:account" if request.user.is_authenticated else "accounts:login")
    messages.success(request, "Listo: ahora usamos su correo nuevo.")
    return redirect("accounts:account" if request.user.is_authenticated else "accounts:login")


# --- Password reset by e-mail: Django's views, our Spanish templates ------------------------------


@require_http_methods(["GET", "POST"])
def password_reset_view(request: HttpRequest) -> HttpResponse:
    """Asks for the account's e-mail; the links go out from a consumer (`user_password_reset_request`),
    so the answer is the same, and as quick, whether or not an account has that address."""
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_password_reset_request(email=form.cleaned_data["email"], client_ip=client_ip(request))
        return redirect("accounts:password_reset_done")
    return render(request, "accounts/password_reset_form.html", {"form": form}, status=400 if form.errors else 200)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# --- "Esta cédula es mía" -------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def claim_view(request: HttpRequest, token: str) -> HttpResponse:
    """The claim form, reached from the link mailed to an address whose registration found the cédula
    taken."""
    try:
        ticket = claim_ticket_read(token=token)
    except ApplicationError as exc:
        return render(request, "accounts/email_confirm_failed.html", {"message": exc.message}, status=400)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cedula_claim_file(
                token=token,
                nombres=data["nombres"],
                apellidos=data["apellidos"],
                password=data["password1"],
                statement=data["statement"],
            )
        except ApplicationError as exc:
            form.add_error(exc.field, exc.message)
        else:
            return render(request, "accounts/claim_filed.html", {"cedula_masked": ticket.holder.cedula_masked})
    context = {"form": form, "cedula_masked": ticket.holder.cedula_masked, "email": ticket.email}
    return render(request, "accounts/claim.html", context, status=400 if form.errors else 200)


CLAIM_PERMISSION = "accounts.decide_cedulaclaim"


@never_cache
@login_required
@permission_required(CLAIM_PERMISSION, raise_exception=True)
@require_GET
def claims_console_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "accounts/claims_console.html", {"claims": cedula_claims_open()})


@never_cache
@login_required
@permission_required(CLAIM_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def claim_review_view(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(CedulaClaim.objects.select_related("holder", "decided_by"), pk=claim_id)
    form = ClaimDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cedula_claim_decide(
                claim_id=claim.pk,
                staff_user=request.user,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"Reclamo {claim.pk} decidido.")
            return redirect("accounts:claims_console")
    context = {"claim": claim, "form": form}
    return render(request, "accounts/claim_review.html", context, status=400 if form.errors else 200)
