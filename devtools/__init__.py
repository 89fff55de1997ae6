"""Development and test tooling, never installed in production (requirements/prod.txt has none of
its dependencies): the Registraduría simulator that `make run` and the tests use."""
