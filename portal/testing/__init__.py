"""Test helpers shared by every app: pytest plugins that the root conftest.py registers."""
