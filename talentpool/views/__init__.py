from . import dashboard

__all__ = ["dashboard"]
