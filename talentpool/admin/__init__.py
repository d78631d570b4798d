"""The talent pool in the Wagtail admin, for LA officers: aspirant profiles, follow-ups, SIP
assignments and LA memberships in a "Talent pool" menu, and the talent pool's audit log report.

``talentpool.wagtail_hooks`` registers all of it; what anyone may see and change is decided by the
permission policies in ``talentpool.permission_policies``.
"""
