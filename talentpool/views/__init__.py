from . import dashboard, interest, my_data

__all__ = ["dashboard", "interest", "my_data"]
