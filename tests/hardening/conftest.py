"""Hypothesis settings for `make test`: a bounded number of examples, no deadline
(the machines are shared and noisy), and the example database kept out of git
(.hypothesis/ is in .gitignore)."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "make-test",
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("make-test")
