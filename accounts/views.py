from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import EraseAccountForm, LoginForm, RegistrationForm
from accounts.http import AuthenticatedHttpRequest
from accounts.services import user_erase, user_register
from accounts.throttle import login_is_locked, login_record_failure, login_record_success
from core.exceptions import ApplicationError

LOCKED_MESSAGE = "Demasiados intentos fallidos. Espere unos minutos antes de volver a intentarlo."


def _client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_register(
                cedula=data["cedula"],
                nombres=data["nombres"],
                apellidos=data["apellidos"],
                email=data["email"],
                password=data["password1"],
            )
        except ApplicationError as exc:
            form.add_error(exc.field, exc.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "¡Bienvenido! Su cuenta fue creada.")
            return redirect("accounts:home")
    status = 400 if form.errors else 200
    return render(request, "accounts/register.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        cedula = form.cleaned_data["cedula"]
        ip = _client_ip(request)
        if login_is_locked(cedula=cedula, client_ip=ip):
            form.add_error(None, LOCKED_MESSAGE)
            status = 429
        else:
            user = authenticate(request, username=cedula, password=form.cleaned_data["password"])
            if user is None:
                login_record_failure(cedula=cedula, client_ip=ip)
                form.add_error(None, "Cédula o contraseña incorrecta.")
            else:
                login_record_success(cedula=cedula, client_ip=ip)
                login(request, user)
                return redirect("accounts:home")
    if form.errors and status == 200:
        status = 400
    return render(request, "accounts/login.html", {"form": form}, status=status)


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
