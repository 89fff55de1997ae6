"""Settings for the kernel's end-to-end tests: the test settings plus a test-only app whose handlers
leave countable effects, and the fault-injection switches the no-loss tests flip per process."""

from core.env import env
from core.test_settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.kernel_app"]  # noqa: F405

# See tests/kernel_app/faults.py: "kill-before-wake", "kill-after-dispatch:N". Never set outside tests.
RELAY_TEST_FAULTS = env.list("RELAY_TEST_FAULTS", default=[])
# Where the holding handler writes the pid of the worker the test must kill.
KERNEL_MARKER_DIR = env.str("KERNEL_MARKER_DIR", default="")
# The product's own consumers also run in these stacks (verification reacts to UserRegistered); its
# lookups use the deterministic stand-in, not a browser.
VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
