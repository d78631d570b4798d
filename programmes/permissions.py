"""Decisions about the programme geography that more than one admin screen needs."""


def user_can_move_schools_between_local_authorities(user) -> bool:
    """Only a portal administrator (superuser) moves a school to another LA, by hand or by import.

    Which LA a school is in decides who sees the aspirant leaders who work there, so an officer
    who could move one could take another LA's people into their own.
    """
    return bool(user is not None and user.is_active and user.is_superuser)
