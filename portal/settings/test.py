"""Test runs: fast hashing, in-memory email and files kept out of the project tree."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
