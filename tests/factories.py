import factory
from django.utils import timezone

from accounts.models import User

TEST_PASSWORD = "clave-de-prueba-segura-2026"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    cedula = factory.Sequence(lambda n: str(1_000_000_000 + n))
    nombres = factory.Faker("first_name", locale="es_CO")
    apellidos = factory.Faker("last_name", locale="es_CO")
    email = factory.Faker("email")
    password = factory.django.Password(TEST_PASSWORD)
    # A person whose address is confirmed (their census answer is shown to them).
    email_confirmed_at = factory.LazyFunction(timezone.now)
