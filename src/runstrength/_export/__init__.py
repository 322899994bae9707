"""Exports for other programs: Garmin FIT workouts and iCalendar plans."""
