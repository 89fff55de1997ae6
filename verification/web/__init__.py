"""The person's htmx UI: the badge, the timeline and "Actualizar" (views, urls, presentation)."""
