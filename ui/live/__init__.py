"""Both sides of Kuis Langsung: the teacher's host screen (projector), the phone's player, how both look,
and how a page learns that the session moved (push, with a slow poll behind it)."""
