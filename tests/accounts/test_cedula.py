import pytest

from accounts.cedula import CedulaError, is_valid, mask, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1023456789", "1023456789"),
        ("1.023.456.789", "1023456789"),
        (" 1 023 456 789 ", "1023456789"),
        ("1-023-456-789", "1023456789"),
        ("79.123.456", "79123456"),
        ("123456", "123456"),
        ("1\u00a0023\u00a0456", "1023456"),  # non-breaking spaces pasted from a document
    ],
)
def test_normalize_accepts_separators(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message_part"),
    [
        ("", "Escriba su número"),
        ("   ", "Escriba su número"),
        ("12a4567", "solo puede tener números"),
        ("CC1023456", "solo puede tener números"),
        ("١٠٢٣٤٥٦٧", "dígitos 0 a 9"),  # Arabic-Indic digits
        ("１０２３４５６７", "dígitos 0 a 9"),  # full-width digits
        ("12345", "entre 6 y 10"),
        ("12345678901", "entre 6 y 10"),
        ("0123456", "no puede empezar por 0"),
        ("+1023456", "solo puede tener números"),
    ],
)
def test_normalize_refuses_with_spanish_message(raw, message_part):
    with pytest.raises(CedulaError) as excinfo:
        normalize(raw)
    assert message_part in str(excinfo.value)
    assert not is_valid(raw)


def test_mask_keeps_last_three_digits():
    assert mask("1023456789") == "•••••••789"
    assert mask("12") == "••"
