from accounts.models import User


def user_get_by_cedula(*, cedula: str) -> User | None:
    """`cedula` must already be normalised."""
    return User.objects.filter(cedula=cedula).first()
