//! Thin wrappers of the core types: parsed documents, priorities,
//! frameworks and corpora.

use std::collections::HashMap;

use kommunbench_core as core;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::Error;

/// Serialises a value to a Python object through JSON.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(Error::from)?;
    py.import("json")?.call_method1("loads", (json,))
}

/// A parsed policy document.
#[pyclass(module = "kommunbench._kommunbench", name = "Document", frozen, skip_from_py_object)]
#[derive(Clone)]
pub struct PyDocument {
    pub(crate) inner: core::PolicyDocument,
}

impl From<core::PolicyDocument> for PyDocument {
    fn from(inner: core::PolicyDocument) -> Self {
        PyDocument { inner }
    }
}

#[pymethods]
impl PyDocument {
    /// The document id (the file stem by default).
    #[getter]
    fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The title.
    #[getter]
    fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The kind: `policy`, `strategy`, `programme`, `plan`, `party_programme`, `news` or `web_page`.
    #[getter]
    fn kind(&self) -> String {
        self.inner.kind.to_string()
    }

    /// The municipality as a dict (name, code, country, county), or None.
    #[getter]
    fn municipality<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.municipality)
    }

    /// The dates as a dict of ISO strings (published, adopted, updated, and
    /// for PDF, DOCX and ODT files `file_created` and `file_modified`,
    /// the file's own dates, when it has them).
    #[getter]
    fn dates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.dates)
    }

    /// The file's format, told by its content: `text`, `HTML`, `PDF`, `DOCX` or `ODT`.
    #[getter]
    fn format(&self) -> String {
        self.inner.source.format.clone()
    }

    /// How many pages the file has (PDF), or None.
    #[getter]
    fn page_count(&self) -> Option<usize> {
        self.inner.source.page_count()
    }

    /// The page (from 1) a byte offset of `text` stands on (PDF), or None.
    fn page_at(&self, offset: usize) -> Option<u32> {
        self.inner.source.page_at(offset)
    }

    /// The decoded text; every span points into it.
    #[getter]
    fn text(&self) -> String {
        self.inner.text.clone()
    }

    /// The content without page furniture.
    fn content(&self) -> String {
        self.inner.content()
    }

    /// The priorities the document states itself.
    #[getter]
    fn priorities(&self) -> Vec<PyPriority> {
        self.inner.priorities.iter().map(|p| PyPriority { inner: p.clone() }).collect()
    }

    /// The whole parsed document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let m = self.inner.municipality.as_ref().map_or("unknown municipality", |m| m.name.as_str());
        format!(
            "Document(id={:?}, municipality={m:?}, title={:?}, priorities={})",
            self.inner.id.as_str(),
            self.inner.title,
            self.inner.priorities.len()
        )
    }
}

/// A priority, goal, focus area or action a document states.
#[pyclass(module = "kommunbench._kommunbench", name = "Priority", frozen, skip_from_py_object)]
#[derive(Clone)]
pub struct PyPriority {
    inner: core::Priority,
}

#[pymethods]
impl PyPriority {
    /// The title as written.
    #[getter]
    fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The text that belongs to it.
    #[getter]
    fn body(&self) -> String {
        self.inner.body.clone()
    }

    /// Its level: `vision`, `overall_goal`, `goal`, `sub_goal`, `priority_area`, `action` or `responsibility`.
    #[getter]
    fn level(&self) -> String {
        self.inner.level.to_string()
    }

    /// How it was found: `priority_heading`, `heading_section`,
    /// `counted_heading`, `enumeration`, `introduced_list`,
    /// `standalone_list`, `action_table`, `chapter`, `section`,
    /// `kind_label` or `nested_item` (docs/ingestion.md describes each).
    #[getter]
    fn rule(&self) -> String {
        self.inner.rule.to_string()
    }

    /// Index (into the document's priorities) of the priority it belongs to.
    #[getter]
    fn parent(&self) -> Option<usize> {
        self.inner.parent
    }

    /// Byte range of the title in the document's text, as (start, end).
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.inner.span.start, self.inner.span.end)
    }

    /// The priority as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Priority(title={:?}, level={:?}, rule={:?})",
            self.inner.title,
            self.inner.level.as_str(),
            self.inner.rule.as_str()
        )
    }
}

/// A framework: the reference areas policies are benchmarked against.
#[pyclass(module = "kommunbench._kommunbench", name = "Framework", frozen, skip_from_py_object)]
#[derive(Clone)]
pub struct PyFramework {
    pub(crate) inner: core::Framework,
}

#[pymethods]
impl PyFramework {
    /// The framework id, e.g. "se-2008".
    #[getter]
    fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// Its name.
    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_owned()
    }

    /// The area ids, in order.
    #[getter]
    fn areas(&self) -> Vec<String> {
        self.inner.areas().iter().map(|a| a.id.to_string()).collect()
    }

    /// The framework with its areas as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!("Framework(id={:?}, areas={})", self.inner.id().as_str(), self.inner.areas().len())
    }
}

/// Documents read from files, and the inputs that failed.
#[pyclass(module = "kommunbench._kommunbench", name = "Corpus", frozen)]
pub struct PyCorpus {
    /// The documents.
    #[pyo3(get)]
    documents: Vec<PyDocument>,
    /// One message per input that failed, naming the file.
    #[pyo3(get)]
    failures: Vec<String>,
    /// One message per input read with a caveat (a link loop, a file
    /// reached twice, ids made unique, damaged UTF-8), naming the file.
    #[pyo3(get)]
    warnings: Vec<String>,
}

impl PyCorpus {
    pub(crate) fn new(documents: Vec<PyDocument>, failures: Vec<String>, warnings: Vec<String>) -> Self {
        PyCorpus { documents, failures, warnings }
    }
}

#[pymethods]
impl PyCorpus {
    fn __len__(&self) -> usize {
        self.documents.len()
    }

    fn __repr__(&self) -> String {
        format!("Corpus(documents={}, failures={}, warnings={})", self.documents.len(), self.failures.len(), self.warnings.len())
    }
}

/// Precomputed embeddings: a vector per unit text (see `units()`) and per
/// area; a unit's score for an area is their cosine, clamped to [0, 1].
#[pyclass(module = "kommunbench._kommunbench", name = "Embeddings", frozen)]
pub struct PyEmbeddings {
    pub(crate) units: HashMap<String, Vec<f64>>,
    pub(crate) areas: HashMap<String, Vec<f64>>,
    pub(crate) threshold: f64,
}

#[pymethods]
impl PyEmbeddings {
    #[new]
    #[pyo3(signature = (units, areas, threshold = 0.5))]
    fn new(units: &Bound<'_, PyDict>, areas: &Bound<'_, PyDict>, threshold: f64) -> PyResult<Self> {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::Mapper(format!("threshold {threshold} is not within 0..=1")).into());
        }
        Ok(PyEmbeddings { units: units.extract()?, areas: areas.extract()?, threshold })
    }

    fn __repr__(&self) -> String {
        format!("Embeddings(units={}, areas={}, threshold={})", self.units.len(), self.areas.len(), self.threshold)
    }
}
