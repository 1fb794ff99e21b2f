"""Plug-ins for the engines that run arnorm over corpora bigger than one machine.

Each module needs its optional extra: ``pip install "arnorm[datatrove]"`` for
:mod:`arnorm.integrations.datatrove`, ``pip install "arnorm[dask]"`` for
:mod:`arnorm.integrations.dask`.  Hugging Face ``datasets`` needs no plug-in: see
``docs/scale.md`` for the ``Dataset.map(batched=True, num_proc=...)`` recipe.
"""
