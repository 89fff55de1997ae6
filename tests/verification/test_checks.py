from verification.checks import lookup_timing_check


def test_default_timings_pass():
    assert lookup_timing_check(None) == []


def test_a_task_timeout_below_the_lookup_deadline_is_flagged(settings):
    settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS = 60
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 30}
    assert [w.id for w in lookup_timing_check(None)] == ["verification.W001"]


def test_a_short_outbox_lease_is_harmless_with_lookup_claims(settings):
    settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS = 60
    settings.OUTBOX_LEASE_SECONDS = 20  # a copy re-sent while the lookup runs finds its claim and waits
    assert lookup_timing_check(None) == []
