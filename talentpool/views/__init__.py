from . import career_steps, dashboard, interest, my_data, profile, self_assessment

__all__ = ["career_steps", "dashboard", "interest", "my_data", "profile", "self_assessment"]
