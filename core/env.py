"""The one environment reader. Every setting that varies between machines comes through here."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env file (see .env.example) is read when present; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
