//! The functions of the module: the CLI's work, returning polars
//! `DataFrame`s.

use std::path::PathBuf;

use kommunbench_analysis::{
    self as analysis, Aggregation, Benchmark, CoverageMatrix, EvidenceDetail, Granularity, Mapped, PeerGroups, Pipeline,
    PipelineBuilder,
};
use kommunbench_core::{CorpusError, DocumentMeta, Framework, MunicipalityRegistry, PolicyDocument};
use kommunbench_ingest::{CorpusReader, Ingester};
use kommunbench_mapping::{self as mapping, GoldDocuments, GoldPriorities, Unit};
use kommunbench_outcomes::{Gender, KpiMap, Observation, Outcomes};
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use pyo3_polars::PyDataFrame;

use crate::errors::Error;
use crate::mappers::choose;
use crate::types::{PyCorpus, PyDocument, PyFramework, to_python};

/// The names of the built-in frameworks.
#[pyfunction]
pub fn frameworks() -> Vec<String> {
    Framework::builtin_ids().into_iter().map(str::to_owned).collect()
}

fn resolve_framework(spec: &Bound<'_, PyAny>) -> Result<Framework, Error> {
    if let Ok(f) = spec.cast::<PyFramework>() {
        return Ok(f.get().inner.clone());
    }
    if let Ok(s) = spec.cast::<PyString>() {
        return Ok(Framework::resolve(&s.extract::<String>()?)?);
    }
    let path: PathBuf = spec.extract()?;
    Ok(Framework::from_path(path)?)
}

/// A framework: a built-in id ("se-2008", "se-2025") or the path of a TOML
/// or JSON framework file.
#[pyfunction]
pub fn load_framework(spec: &Bound<'_, PyAny>) -> PyResult<PyFramework> {
    Ok(PyFramework { inner: resolve_framework(spec)? })
}

/// The reader of `read_corpus` and `read_coverage`, with their limits.
fn reader(
    municipalities: Option<PathBuf>,
    max_file_size: Option<u64>,
    max_documents: Option<usize>,
    follow_links: bool,
) -> Result<CorpusReader, Error> {
    Ok(CorpusReader::new()
        .ingester(ingester(municipalities, max_file_size)?)
        .max_documents(max_documents.unwrap_or(CorpusReader::DEFAULT_MAX_DOCUMENTS))
        .follow_links(follow_links))
}

fn ingester(municipalities: Option<PathBuf>, max_file_size: Option<u64>) -> Result<Ingester, Error> {
    let mut registry = MunicipalityRegistry::builtin();
    if let Some(file) = municipalities {
        registry.extend_from_csv(file)?;
    }
    Ok(kommunbench_formats::ingester()
        .registry(registry)
        .max_file_size(max_file_size.unwrap_or(Ingester::DEFAULT_MAX_FILE_SIZE))
        .build())
}

/// Reads documents from files and directories. Inputs that fail are listed
/// in `Corpus.failures`; with `strict=True` the first one is raised. A link
/// in a folder that leads out of it is passed over with a warning
/// (`Corpus.warnings`) unless `follow_links=True`.
#[pyfunction]
#[pyo3(signature = (
    paths, *, strict = false, max_file_size = None, max_documents = None, municipalities = None, follow_links = false
))]
pub fn read_corpus(
    paths: Vec<PathBuf>,
    strict: bool,
    max_file_size: Option<u64>,
    max_documents: Option<usize>,
    municipalities: Option<PathBuf>,
    follow_links: bool,
) -> PyResult<PyCorpus> {
    let reader = reader(municipalities, max_file_size, max_documents, follow_links)?;
    let mut corpus = reader.read(&paths);
    if strict && !corpus.failures.is_empty() {
        return Err(Error::from(corpus.failures.remove(0)).into());
    }
    Ok(PyCorpus::new(
        corpus.documents.into_iter().map(PyDocument::from).collect(),
        corpus.failures.iter().map(ToString::to_string).collect(),
        corpus.warnings.iter().map(ToString::to_string).collect(),
    ))
}

/// Parses documents held in Python strings: `texts` maps document ids to
/// texts; `metadata` maps ids to dicts with any of `municipality` (code or
/// name), `country`, `title`, `kind`, `published`, `adopted`, `updated`, `url`.
#[pyfunction]
#[pyo3(signature = (texts, metadata = None))]
pub fn from_texts(py: Python<'_>, texts: &Bound<'_, PyDict>, metadata: Option<&Bound<'_, PyDict>>) -> PyResult<Vec<PyDocument>> {
    let ingester = Ingester::new();
    let json = py.import("json")?;
    let mut out = Vec::new();
    for (id, text) in texts.iter() {
        let id: String = id.extract()?;
        let text: String = text.extract()?;
        let mut doc = ingester.ingest_str(&id, &text).map_err(Error::from)?;
        if let Some(meta) = metadata.and_then(|m| m.get_item(&id).ok().flatten()) {
            let encoded: String = json.call_method1("dumps", (meta,))?.extract()?;
            let meta: DocumentMeta =
                serde_json::from_str(&encoded).map_err(|e| Error::Input(format!("metadata of `{id}`: {e}")))?;
            meta.apply(&mut doc, ingester.registry()).map_err(|m| Error::Input(format!("metadata of `{id}`: {m}")))?;
        }
        out.push(PyDocument::from(doc));
    }
    Ok(out)
}

fn inner(documents: &[PyRef<'_, PyDocument>]) -> Vec<PolicyDocument> {
    documents.iter().map(|d| d.inner.clone()).collect()
}

/// Every unit the mappers score, with the exact text they read: to compute
/// embeddings for `Embeddings`. Columns: `document`, `unit_kind`, `unit_index`, `text`.
#[pyfunction]
pub fn units(documents: Vec<PyRef<'_, PyDocument>>) -> PyResult<PyDataFrame> {
    let docs = inner(&documents);
    let mut cols: (Vec<String>, Vec<String>, Vec<u32>, Vec<String>) = Default::default();
    for d in &docs {
        let all = (0..d.priorities.len())
            .map(|i| Unit::priority(d, i))
            .chain((0..d.blocks.len()).map(|i| Unit::segment(d, i)))
            .chain([Unit::document(d)]);
        for u in all {
            cols.0.push(d.id.to_string());
            cols.1.push(u.kind.as_str().to_owned());
            cols.2.push(u.index as u32);
            cols.3.push(u.text());
        }
    }
    let df = df!("document" => cols.0, "unit_kind" => cols.1, "unit_index" => cols.2, "text" => cols.3).map_err(Error::from)?;
    Ok(PyDataFrame(df))
}

/// Maps documents through the library's pipeline: the pipeline (its
/// framework, peer groups) and the mapped corpus.
fn run_mapper(
    docs: &[PolicyDocument],
    framework: &Bound<'_, PyAny>,
    mapper: &Bound<'_, PyAny>,
    builder: PipelineBuilder,
) -> Result<(Pipeline, Mapped), Error> {
    let chosen = choose(resolve_framework(framework)?, mapper, builder)?;
    // Documents are mapped on rayon's threads; a Python mapper takes the
    // GIL on them, so it must be free while they run.
    let mapped = mapper.py().detach(|| chosen.pipeline.map(docs));
    chosen.check()?;
    Ok((chosen.pipeline, mapped))
}

/// Every priority and segment x area alignment, and a row (area null) for
/// each local priority: the same columns as `kommunbench map` (see
/// `kommunbench_analysis::alignment_table`); only accepted ones unless
/// `all=True`.
#[pyfunction]
#[pyo3(signature = (documents, framework = None, mapper = None, *, threshold = None, all = false))]
pub fn map(
    py: Python<'_>,
    documents: Vec<PyRef<'_, PyDocument>>,
    framework: Option<&Bound<'_, PyAny>>,
    mapper: Option<&Bound<'_, PyAny>>,
    threshold: Option<f64>,
    all: bool,
) -> PyResult<PyDataFrame> {
    let docs = inner(&documents);
    let (framework, mapper) = defaults(py, framework, mapper);
    let (_, mapped) = run_mapper(&docs, &framework, &mapper, Pipeline::builder().threshold(threshold))?;
    let df = analysis::alignment_table(&mapped.mappings, &docs, all).map_err(Error::from)?;
    Ok(PyDataFrame(df))
}

fn defaults<'py>(
    py: Python<'py>,
    framework: Option<&Bound<'py, PyAny>>,
    mapper: Option<&Bound<'py, PyAny>>,
) -> (Bound<'py, PyAny>, Bound<'py, PyAny>) {
    (
        framework.cloned().unwrap_or_else(|| PyString::new(py, Framework::DEFAULT).into_any()),
        mapper.cloned().unwrap_or_else(|| PyString::new(py, "lexicon").into_any()),
    )
}

/// Document x area coverage in long form, with each document's
/// municipality, county, kind and date.
#[pyfunction]
#[pyo3(signature = (documents, framework = None, mapper = None, *, threshold = None))]
pub fn coverage(
    py: Python<'_>,
    documents: Vec<PyRef<'_, PyDocument>>,
    framework: Option<&Bound<'_, PyAny>>,
    mapper: Option<&Bound<'_, PyAny>>,
    threshold: Option<f64>,
) -> PyResult<PyDataFrame> {
    let docs = inner(&documents);
    let (framework, mapper) = defaults(py, framework, mapper);
    let chosen = choose(resolve_framework(&framework)?, &mapper, Pipeline::builder().threshold(threshold))?;
    // Document coverage only, as `kommunbench coverage` computes it: not
    // every segment's alignments. The GIL is free for a Python mapper.
    let rows = py.detach(|| chosen.pipeline.coverages(&docs, EvidenceDetail::Count));
    chosen.check()?;
    let table = analysis::coverage_table(chosen.pipeline.framework().id().as_str(), &rows);
    Ok(PyDataFrame(table.map_err(Error::from)?))
}

/// Reads documents from files and directories and gives the table of
/// `coverage()` in one pass: each document is mapped as soon as it is read
/// and its text let go, so a corpus of any size fits in memory (what
/// `kommunbench coverage` does). Inputs that fail are left out with a
/// warning each; with `strict=True` the first one is raised.
#[pyfunction]
#[pyo3(signature = (
    paths, framework = None, mapper = None, *, threshold = None, strict = false, max_file_size = None,
    max_documents = None, municipalities = None, follow_links = false
))]
#[allow(clippy::too_many_arguments, reason = "Python keyword arguments: those of read_corpus and coverage")]
pub fn read_coverage(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    framework: Option<&Bound<'_, PyAny>>,
    mapper: Option<&Bound<'_, PyAny>>,
    threshold: Option<f64>,
    strict: bool,
    max_file_size: Option<u64>,
    max_documents: Option<usize>,
    municipalities: Option<PathBuf>,
    follow_links: bool,
) -> PyResult<PyDataFrame> {
    let reader = reader(municipalities, max_file_size, max_documents, follow_links)?;
    let (framework, mapper) = defaults(py, framework, mapper);
    let chosen = choose(resolve_framework(&framework)?, &mapper, Pipeline::builder().threshold(threshold))?;
    let read = py.detach(|| chosen.pipeline.read_coverages(&reader, &paths, |_| {}, EvidenceDetail::Count));
    chosen.check()?;
    failed(py, read.failures, strict)?;
    let table = analysis::coverage_table(chosen.pipeline.framework().id().as_str(), &read.documents);
    Ok(PyDataFrame(table.map_err(Error::from)?))
}

/// The inputs that failed: the first raised with `strict`, else a warning
/// each.
fn failed(py: Python<'_>, mut failures: Vec<CorpusError>, strict: bool) -> PyResult<()> {
    if strict && !failures.is_empty() {
        return Err(Error::from(failures.remove(0)).into());
    }
    for failure in &failures {
        let message = std::ffi::CString::new(failure.to_string().replace('\0', " ")).unwrap_or_default();
        PyErr::warn(py, &py.get_type::<pyo3::exceptions::PyUserWarning>(), &message, 1)?;
    }
    Ok(())
}

fn aggregation(value: &str) -> Result<Aggregation, Error> {
    Ok(match value {
        "covered" | "binary" => Aggregation::Binary,
        "score" | "max_score" => Aggregation::MaxScore,
        "weighted_sum" => Aggregation::WeightedSum,
        "evidence_count" => Aggregation::EvidenceCount,
        "attention" => Aggregation::Attention,
        other => {
            return Err(Error::Output(format!(
                "unknown value `{other}` (covered, score, weighted_sum, evidence_count, attention)"
            )));
        }
    })
}

/// The coverage matrix in wide form: one row per municipality (or
/// document, `level="document"`), one column per area; `value` is one of
/// `covered`, `score`, `weighted_sum`, `evidence_count`, `attention`.
#[pyfunction]
#[pyo3(signature = (documents, framework = None, mapper = None, *, level = "municipality", value = "score", threshold = None))]
pub fn matrix(
    py: Python<'_>,
    documents: Vec<PyRef<'_, PyDocument>>,
    framework: Option<&Bound<'_, PyAny>>,
    mapper: Option<&Bound<'_, PyAny>>,
    level: &str,
    value: &str,
    threshold: Option<f64>,
) -> PyResult<PyDataFrame> {
    let docs = inner(&documents);
    let (framework, mapper) = defaults(py, framework, mapper);
    let value = aggregation(value)?;
    let level = match level {
        "municipality" => Granularity::Municipality,
        "document" => Granularity::Document,
        other => return Err(Error::Output(format!("unknown level `{other}` (municipality, document)")).into()),
    };
    let (pipeline, mapped) = run_mapper(&docs, &framework, &mapper, Pipeline::builder().threshold(threshold))?;
    let areas: Vec<String> = pipeline.framework().areas().iter().map(|a| a.id.to_string()).collect();
    let m = CoverageMatrix::new(&docs, &mapped.mappings, &areas, level, mapped.threshold);
    Ok(PyDataFrame(m.wide(value).map_err(Error::from)?))
}

fn groups(groups: Option<&Bound<'_, PyAny>>, by_county: bool) -> Result<PeerGroups, Error> {
    match groups {
        Some(g) if g.cast::<PyDict>().is_ok() => Ok(PeerGroups::Given(g.extract()?)),
        Some(g) => Ok(PeerGroups::File(g.extract::<PathBuf>()?)),
        None if by_county => Ok(PeerGroups::ByCounty),
        None => Ok(PeerGroups::None),
    }
}

/// The whole benchmark of a list of documents.
#[pyclass(module = "kommunbench._kommunbench", name = "Benchmark", frozen)]
pub struct PyBenchmark {
    inner: Benchmark,
}

/// Computes every table of a benchmark: `groups` is a dict of municipality
/// (name or code) to peer group or the path of a `municipality,group` CSV;
/// with `municipalities_only=True` party programmes, regional and national
/// texts make no rows (by default each is a row of its own, `Lomma (M)`).
#[pyfunction]
#[pyo3(signature = (documents, framework = None, mapper = None, *, threshold = None, groups = None, by_county = false, municipalities_only = false))]
#[expect(clippy::too_many_arguments, reason = "keyword arguments of a Python function")]
pub fn benchmark(
    py: Python<'_>,
    documents: Vec<PyRef<'_, PyDocument>>,
    framework: Option<&Bound<'_, PyAny>>,
    mapper: Option<&Bound<'_, PyAny>>,
    threshold: Option<f64>,
    groups: Option<&Bound<'_, PyAny>>,
    by_county: bool,
    municipalities_only: bool,
) -> PyResult<PyBenchmark> {
    let docs = inner(&documents);
    let (framework, mapper) = defaults(py, framework, mapper);
    let groups = self::groups(groups, by_county)?;
    let builder = Pipeline::builder().threshold(threshold).peer_groups(groups).municipalities_only(municipalities_only);
    let (pipeline, mapped) = run_mapper(&docs, &framework, &mapper, builder)?;
    let inner = pipeline.benchmark(&docs, mapped);
    Ok(PyBenchmark { inner })
}

/// Reads documents from files and directories and gives the benchmark of
/// `benchmark()` in one pass: each document is mapped as soon as it is
/// read and only its facts and mapping are kept, not its text (what
/// `kommunbench report` does). Inputs that fail are left out with a
/// warning each; with `strict=True` the first one is raised.
#[pyfunction]
#[pyo3(signature = (
    paths, framework = None, mapper = None, *, threshold = None, groups = None, by_county = false,
    municipalities_only = false, strict = false, max_file_size = None, max_documents = None, municipalities = None,
    follow_links = false
))]
#[expect(
    clippy::too_many_arguments,
    clippy::fn_params_excessive_bools,
    reason = "Python keyword arguments: those of read_corpus and benchmark"
)]
pub fn read_benchmark(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    framework: Option<&Bound<'_, PyAny>>,
    mapper: Option<&Bound<'_, PyAny>>,
    threshold: Option<f64>,
    groups: Option<&Bound<'_, PyAny>>,
    by_county: bool,
    municipalities_only: bool,
    strict: bool,
    max_file_size: Option<u64>,
    max_documents: Option<usize>,
    municipalities: Option<PathBuf>,
    follow_links: bool,
) -> PyResult<PyBenchmark> {
    let reader = reader(municipalities, max_file_size, max_documents, follow_links)?;
    let (framework, mapper) = defaults(py, framework, mapper);
    let groups = self::groups(groups, by_county)?;
    let builder = Pipeline::builder()
        .threshold(threshold)
        .peer_groups(groups)
        .registry(reader.registry().clone())
        .municipalities_only(municipalities_only);
    let chosen = choose(resolve_framework(&framework)?, &mapper, builder)?;
    // The GIL is free for a Python mapper, as in `read_coverage`.
    let (inner, read) = py.detach(|| chosen.pipeline.read_benchmark(&reader, &paths, |_| {}));
    chosen.check()?;
    failed(py, read.failures, strict)?;
    Ok(PyBenchmark { inner })
}

#[pymethods]
impl PyBenchmark {
    /// The coverage matrix, long form: one row per municipality x area.
    #[getter]
    fn coverage(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.matrix.long().map_err(Error::from)?))
    }

    /// The matrix in wide form for one value (`covered`, `score`,
    /// `weighted_sum`, `evidence_count`, `attention`).
    #[pyo3(signature = (value = "score"))]
    fn wide(&self, value: &str) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.wide(aggregation(value)?).map_err(Error::from)?))
    }

    /// Per-municipality metrics: breadth, depth, balance, gaps, ...
    #[getter]
    fn metrics(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.metrics().map_err(Error::from)?))
    }

    /// Per-area metrics.
    #[getter]
    fn areas(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.area_metrics().map_err(Error::from)?))
    }

    /// Pairwise similarity of the municipalities (cosine, Jaccard).
    #[getter]
    fn peers(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.peers().map_err(Error::from)?))
    }

    /// Changes between dated documents of one municipality.
    #[getter]
    fn changes(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.changes().map_err(Error::from)?))
    }

    /// The evidence behind document coverage.
    #[getter]
    fn evidence(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.evidence().map_err(Error::from)?))
    }

    /// Document x area coverage.
    #[getter]
    fn documents(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.document_coverage().map_err(Error::from)?))
    }

    /// The `k` municipalities most like `name` (a name in any case, or a
    /// municipality code): (name, cosine, jaccard).
    #[pyo3(signature = (name, k = 5))]
    fn nearest(&self, name: &str, k: usize) -> PyResult<Vec<(String, f64, f64)>> {
        let me = self.inner.find(name).ok_or_else(|| Error::Input(format!("no municipality `{name}` in the benchmark")))?;
        Ok(analysis::nearest(self.inner.profiles(), me, k).into_iter().map(|(p, c, j)| (p.name().to_owned(), c, j)).collect())
    }

    /// Every priority of the rows' documents with the areas it maps to
    /// (`local` for none): the table of each municipality's priorities.
    #[getter]
    fn priorities(&self) -> PyResult<PyDataFrame> {
        Ok(PyDataFrame(self.inner.priorities().map_err(Error::from)?))
    }

    /// The heatmap as SVG text, rows by `order` (`county`, `cluster`,
    /// `breadth`, `name`; `linkage` `average`, `complete` or `ward` for
    /// clusters).
    #[pyo3(signature = (order = "county", linkage = "average"))]
    fn heatmap_svg(&self, order: &str, linkage: &str) -> PyResult<String> {
        let options = report_options(order, linkage, None)?;
        Ok(kommunbench_report::heatmap(&self.inner, &options).map_err(Error::from)?)
    }

    /// The map of Sweden as SVG text: each municipality coloured by its
    /// breadth, or by its score in `area`; no document drawn as such.
    #[pyo3(signature = (area = None))]
    fn map_svg(&self, area: Option<String>) -> PyResult<String> {
        let options = report_options("county", "average", area)?;
        Ok(kommunbench_report::map(&self.inner, &options).map_err(Error::from)?)
    }

    /// Coverage beside outcome data (Kolada key figures). `outcomes` is a
    /// Kolada data response file, a list of them, or a polars `DataFrame`
    /// with the columns `kpi`, `municipality` (Kolada's id, `0428`),
    /// `period`, `value` and, optionally, `gender` (`T` when absent);
    /// `kpis` the TOML file that says which key figure speaks to which area
    /// (the example that ships for se-2008 when not given). Returns
    /// `(joined, summary)`: a row per municipality and key figure (score,
    /// covered, the latest year's value, the change since the policy's
    /// year), and a row per key figure (medians where covered and not,
    /// their difference and Spearman's rho with bootstrap intervals, n).
    /// What the data lacked (municipalities without a value, group ids,
    /// flagged values) comes as warnings. Descriptive, not causal.
    #[pyo3(signature = (outcomes, kpis = None))]
    fn outcomes(
        &self,
        py: Python<'_>,
        outcomes: &Bound<'_, PyAny>,
        kpis: Option<PathBuf>,
    ) -> PyResult<(PyDataFrame, PyDataFrame)> {
        let outcomes = read_outcomes(outcomes)?;
        let kpis = self.kpi_map(kpis)?;
        let report = self.inner.outcomes(&outcomes, &kpis);
        for note in &report.notes {
            let message = std::ffi::CString::new(format!("outcomes: {note}").replace('\0', " ")).unwrap_or_default();
            PyErr::warn(py, &py.get_type::<pyo3::exceptions::PyUserWarning>(), &message, 1)?;
        }
        Ok((PyDataFrame(report.frame().map_err(Error::from)?), PyDataFrame(report.summary_frame().map_err(Error::from)?)))
    }

    /// The scatter of key figure `kpi` against the coverage of its area as
    /// SVG text, as the report draws it (`outcomes` and `kpis` as for
    /// `outcomes()`).
    #[pyo3(signature = (outcomes, kpi, kpis = None))]
    fn outcome_svg(&self, outcomes: &Bound<'_, PyAny>, kpi: &str, kpis: Option<PathBuf>) -> PyResult<String> {
        let outcomes = read_outcomes(outcomes)?;
        let report = self.inner.outcomes(&outcomes, &self.kpi_map(kpis)?);
        kommunbench_report::outcome_scatter(&self.inner, &report, kpi)
            .map_err(Error::from)?
            .ok_or_else(|| Error::Input(format!("`{kpi}` is not a key figure of the KPI file")).into())
    }

    /// Writes the report folder to `out`: `coverage.csv`,
    /// `coverage.parquet`, `metrics.csv`, `evidence.csv`,
    /// `priorities.csv`, `map.svg`, `heatmap.svg`, `report.html`, a page
    /// per row in `municipalities/` and the other tables; returns the
    /// paths.
    #[pyo3(signature = (out, notes = None, *, order = "county", linkage = "average", map_area = None))]
    fn write(
        &self,
        out: PathBuf,
        notes: Option<Vec<String>>,
        order: &str,
        linkage: &str,
        map_area: Option<String>,
    ) -> PyResult<Vec<String>> {
        let options = report_options(order, linkage, map_area)?;
        let files =
            kommunbench_report::write_report_with(&self.inner, &out, notes.unwrap_or_default(), &options, |_| Ok(Vec::new()))
                .map_err(Error::from)?;
        Ok(files.iter().map(|p| p.display().to_string()).collect())
    }
}

impl PyBenchmark {
    /// The KPI file for this benchmark's framework, or the se-2008 example.
    fn kpi_map(&self, path: Option<PathBuf>) -> Result<KpiMap, Error> {
        let areas: Vec<&str> = self.inner.areas.iter().map(|(id, _)| id.as_str()).collect();
        let framework = self.inner.framework.as_str();
        let (text, path) = match path {
            Some(path) => (std::fs::read_to_string(&path).map_err(|e| Error::Input(format!("{}: {e}", path.display())))?, path),
            None if framework == "se-2008" => {
                (kommunbench_outcomes::SE_2008.to_owned(), PathBuf::from("<built-in se-2008 KPI file>"))
            }
            None => return Err(Error::Input(format!("no KPI file ships for {framework}; give one with kpis=PATH"))),
        };
        KpiMap::parse_for(&text, &path, framework, &areas).map_err(|e| Error::Input(e.to_string()))
    }
}

/// Outcome data from response files (a path or a list of paths) or a
/// `DataFrame` of `kpi, municipality, period, value[, gender]`.
fn read_outcomes(given: &Bound<'_, PyAny>) -> Result<Outcomes, Error> {
    if let Ok(frame) = given.extract::<PyDataFrame>() {
        return outcomes_of_frame(&frame.0);
    }
    let paths: Vec<PathBuf> = match given.extract::<PathBuf>() {
        Ok(path) => vec![path],
        Err(_) => given.extract::<Vec<PathBuf>>().map_err(|_| {
            Error::Input("outcomes: give a Kolada response file, a list of them, or a polars DataFrame".to_owned())
        })?,
    };
    Outcomes::read(&paths).map_err(|e| Error::Input(e.to_string()))
}

/// The observations of a `DataFrame` `kpi, municipality, period, value[, gender]`.
fn outcomes_of_frame(frame: &DataFrame) -> Result<Outcomes, Error> {
    let column = |name: &str, dtype: &DataType| {
        frame
            .column(name)
            .map_err(|_| {
                Error::Input(format!(
                    "outcomes: the DataFrame has no `{name}` column (kpi, municipality, period, value[, gender])"
                ))
            })?
            .cast(dtype)
            .map_err(|e| Error::Input(format!("outcomes: column `{name}`: {e}")))
    };
    let kpi = column("kpi", &DataType::String)?;
    let municipality = column("municipality", &DataType::String)?;
    let period = column("period", &DataType::Int32)?;
    let value = column("value", &DataType::Float64)?;
    let gender = frame.column("gender").ok().map(|c| c.cast(&DataType::String)).transpose().map_err(Error::from)?;
    let (kpi, municipality, period, value) = (kpi.str()?, municipality.str()?, period.i32()?, value.f64()?);
    let gender = gender.as_ref().map(|g| g.str()).transpose()?;
    let mut observations = Vec::with_capacity(frame.height());
    for i in 0..frame.height() {
        let missing = |name: &str| Error::Input(format!("outcomes: row {i} has no `{name}`"));
        let letter = gender.and_then(|g| g.get(i)).unwrap_or("T");
        observations.push(Observation {
            kpi: kpi.get(i).ok_or_else(|| missing("kpi"))?.to_owned(),
            municipality: municipality.get(i).ok_or_else(|| missing("municipality"))?.to_owned(),
            period: period.get(i).ok_or_else(|| missing("period"))?,
            gender: Gender::parse(letter)
                .ok_or_else(|| Error::Input(format!("outcomes: row {i}: gender `{letter}` is none of T, K, M")))?,
            value: value.get(i).filter(|v| v.is_finite()),
            count: None,
            status: None,
        });
    }
    Ok(Outcomes::from_observations(observations))
}

fn report_options(order: &str, linkage: &str, map_area: Option<String>) -> Result<kommunbench_report::ReportOptions, Error> {
    Ok(kommunbench_report::ReportOptions {
        order: order.parse().map_err(Error::Output)?,
        linkage: linkage.parse().map_err(Error::Output)?,
        map_area,
        outcomes: None,
    })
}

/// Scores a mapper against hand coding (the CSV formats of fixtures/gold):
/// a dict with `documents` and `priorities` agreement (per-area precision,
/// recall, F1, kappa; macro/micro-F1, pooled kappa, Krippendorff's alpha,
/// bootstrap intervals) and `unmatched_priorities`.
#[pyfunction]
#[pyo3(signature = (documents, gold, priorities = None, framework = None, mapper = None, *, bootstrap = 1000, seed = 42))]
#[expect(clippy::too_many_arguments, reason = "keyword arguments of a Python function")]
pub fn evaluate<'py>(
    py: Python<'py>,
    documents: Vec<PyRef<'_, PyDocument>>,
    gold: PathBuf,
    priorities: Option<PathBuf>,
    framework: Option<&Bound<'py, PyAny>>,
    mapper: Option<&Bound<'py, PyAny>>,
    bootstrap: usize,
    seed: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let docs = inner(&documents);
    let (framework, mapper) = defaults(py, framework, mapper);
    let (pipeline, mapped) = run_mapper(&docs, &framework, &mapper, Pipeline::builder().threshold(None))?;
    let (framework, mappings) = (pipeline.framework(), mapped.mappings);
    let gold = GoldDocuments::from_path(&gold, framework).map_err(Error::from)?;
    let documents_cmp = mapping::compare_documents(&gold, &mappings).map_err(Error::from)?;
    let priorities_cmp = match priorities {
        Some(p) => {
            let g = GoldPriorities::from_path(&p, framework).map_err(Error::from)?;
            Some(mapping::compare_priorities(framework, &g, &docs, &mappings).map_err(Error::from)?)
        }
        None => None,
    };
    let report = serde_json::json!({
        "documents": mapping::agreement(framework, &documents_cmp, bootstrap, seed),
        "priorities": priorities_cmp.as_ref().map(|p| mapping::agreement(framework, p, bootstrap, seed)),
        "unmatched_priorities": priorities_cmp.map(|p| p.unmatched).unwrap_or_default(),
    });
    to_python(py, &report)
}
