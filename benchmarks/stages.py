"""CPU milliseconds per document for each per-document stage, on generated 5 KB reports (by hand: find the slow stage).

CPU time of this process (`time.process_time`), which other work on a shared machine disturbs less than wall time.
"""
import sys, time
sys.path.insert(0,'benchmarks')
from corpus import generate
from attache.extract import analyze_document
from attache.clean import clean_document
from attache.clean.language import detect_language
from attache.extract.dates import find_dates
from attache.extract.places import find_places
from attache.extract.figures import find_figures
from attache.extract.people import find_people
from attache.extract.claims import find_claims
from attache.extract.tasks import find_tasks
from attache.extract.relations import find_relations
from attache.extract.setting import describe_setting
docs = generate(300)
for raw in docs[:20]: analyze_document(raw)
detect_language("Too short to judge without the model.")
T = {}
def t(name, fn):
    s = time.process_time(); r = fn(); T[name] = T.get(name, 0) + time.process_time() - s; return r
for raw in docs:
    doc = t('clean', lambda: clean_document(raw))
    dates, years, timing = t('dates', lambda: find_dates(doc))
    places = t('places', lambda: find_places(doc.text, doc.language))
    figures = t('figures', lambda: find_figures(doc.text, doc.language))
    t('people', lambda: find_people(doc, places))
    t('claims', lambda: find_claims(doc, figures, years, places, timing))
    t('tasks', lambda: find_tasks(doc))
    t('relations', lambda: find_relations(doc, places, years))
    t('setting', lambda: describe_setting(doc, places, timing))
for k, v in T.items(): print(f"{k:10s} {v/len(docs)*1000:.2f} ms")
print("total", sum(T.values())/len(docs)*1000)
