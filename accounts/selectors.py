from accounts.models import CedulaClaim, CedulaClaimStatus, User


def user_get_by_cedula(*, cedula: str) -> User | None:
    """`cedula` must already be normalised."""
    return User.objects.filter(cedula=cedula).first()


def cedula_claims_open() -> list[CedulaClaim]:
    """The claims support staff still have to decide, oldest first."""
    return list(CedulaClaim.objects.filter(status=CedulaClaimStatus.OPEN).select_related("holder").order_by("filed_at"))
