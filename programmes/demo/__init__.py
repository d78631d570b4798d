"""Demonstration content for `manage.py load_demo`: the Eastern Region programmes and their schools.

The programme facts come from the region's 2010-11 "Leadership Learning Research - Outcomes"
report and the Hammersmith and Fulham "Heads You Win" summary. School names and URNs are
invented. The data modules hold content only; `loader` writes it to the database.
"""
