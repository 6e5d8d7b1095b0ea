from __future__ import annotations

import inspect

import careertext


def test_all_is_complete_and_sorted():
    public = {n for n, v in vars(careertext).items()
              if not n.startswith("_") and (inspect.isclass(v) or inspect.isfunction(v))}
    assert public <= set(careertext.__all__)
    assert all(hasattr(careertext, n) for n in careertext.__all__)


def test_import_registers_nothing():
    import subprocess
    import sys

    code = ("import careertext, spacy.tokens as t; "
            "print(t.Doc.has_extension('reasons'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_topic_model_is_loaded_lazily():
    import subprocess
    import sys

    code = ("import sys, careertext; before = 'sklearn' in sys.modules; "
            "m = careertext.LessonModel; print(before, 'sklearn' in sys.modules, m.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "LessonModel"]
    assert "LessonModel" in dir(careertext)
