"""Operations endpoints and reports: `/salud/`, `/metrics` and `manage.py verification_stats`."""
