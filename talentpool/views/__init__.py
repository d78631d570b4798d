from . import career_steps, dashboard, interest, my_data, self_assessment

__all__ = ["career_steps", "dashboard", "interest", "my_data", "self_assessment"]
