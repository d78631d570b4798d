"""Local development: debug on, console email, any localhost name."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-7c1f0e2b9a"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SECURE_SSL_REDIRECT = False
