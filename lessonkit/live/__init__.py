"""Kuis Langsung (live class quiz): the pure core, with no Streamlit and no database.

Modules, each owning one thing:

- ``questions``: choosing questions from the bank, time per question, shuffled orders, the public view
  a phone receives (no key) and the reveal after the close;
- ``wire``: per question type, the phone's answer in display positions and its translation to the bank's
  response, and the bars of the answer distribution;
- ``clock``: one question's deadline from the server time it opened (+ extensions, − pauses, + grace);
- ``state``: the session's states, the teacher's commands in each and pure transitions that bump
  ``version`` (the storage's compare-and-set contract is described there);
- ``players``: join codes, seat tokens, nicknames, joining, rejoining, removal;
- ``scoring``: accepting an answer and its points (speed bonus, partial credit);
- ``leaderboard``: totals, the tie-break order and shared ranks;
- ``summary``: answered counts, distributions, the class's score per question, per-student results;
- ``codec``: every dataclass here to JSON and back (``dump``/``load``), for the database.

``lessonkit.services.live_session`` (above this package and the storage) applies these rules to the stored session
(``lessonkit.storage.live``) with the server's clock, for the pages.

A session in a few lines (times are server seconds, passed in)::

    from lessonkit.live import players, questions, scoring, state
    ids = questions.select(bank, quiz_id="konsep-dasar")
    session = state.create("482913", questions.build(bank, ids), now=t0)
    me = players.join(session, [], "Budi", now=t0)
    session = state.start(session, now=t1, players=1)
    view = questions.public_view(bank, session.questions, session.index)   # no key
    answer = scoring.accept(bank, session, me, view.question_id, 2, now=t2, already_answered=False)
    session = state.close(session, now=t3)
"""
