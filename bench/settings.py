"""Benchmark settings: the product's settings plus one trivial view to compare against."""

from core.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
