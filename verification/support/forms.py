"""Input validation for the support console (no rules here: the services decide)."""

from typing import cast

from django import forms

from verification.states import CedulaStatus

S = CedulaStatus

STATE_CHOICES = [
    ("", "Todos"),
    (S.BLOCKED, "Bloqueadas"),
    (S.ERROR, "Con error"),
    (S.PENDING, "Pendientes detenidas"),
]


class SupportFilterForm(forms.Form):
    status = forms.ChoiceField(label="Estado", choices=STATE_CHOICES, required=False)
    site = forms.ChoiceField(label="Sitio", required=False)
    reason = forms.ChoiceField(label="Motivo", required=False)

    def __init__(self, *args, sites: list[str], reasons: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # `fields` holds per-instance copies of the fields declared above, typed as plain Field.
        cast(forms.ChoiceField, self.fields["site"]).choices = [("", "Todos"), *((s, s) for s in sites)]
        cast(forms.ChoiceField, self.fields["reason"]).choices = [("", "Todos"), *((r, r) for r in reasons)]

    def cleaned_filters(self) -> dict[str, str]:
        """The valid filters; an unknown value (a stale link) is ignored rather than an error."""
        empty = {"status": "", "site": "", "reason": ""}
        if not self.is_bound:
            return empty
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in empty}


class RetryForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(
        coerce=int,
        required=True,
        error_messages={"required": "Seleccione al menos una verificación."},
    )
    reason = forms.CharField(
        label="Motivo del reintento",
        max_length=300,
        required=True,
        strip=True,
        error_messages={"required": "Escriba el motivo del reintento."},
        help_text="Queda en el registro de auditoría con su usuario.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "retry-%s")  # the filter form beside it also has a "reason"
        super().__init__(*args, **kwargs)
        # Any id is syntactically acceptable; whether it may be retried is the service's decision.
        ids = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        cast(forms.TypedMultipleChoiceField, self.fields["ids"]).choices = [(v, v) for v in ids]
