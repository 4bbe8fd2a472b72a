//! The pipeline, assembled once: a framework, a mapper, a threshold and
//! peer groups, run over a corpus into a [`Benchmark`]. The command line
//! and the Python package only turn their arguments into a
//! [`PipelineBuilder`]; no recipe lives in them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kommunbench_core::{Corpus, DocumentId, Framework, FrameworkError, MunicipalityRegistry, PolicyDocument, Progress};
use kommunbench_ingest::CorpusReader;
use kommunbench_mapping::{
    Aligner, AreaCoverage, AreaScore, DocumentMapping, Lexicon, LexiconError, LexiconMapper, Mapper, MapperKind, Unit,
};
use rayon::prelude::*;

use crate::actor::Actor;
use crate::benchmark::Benchmark;
use crate::frames::{DocumentCoverage, DocumentInfo};
use crate::peers::{PeerGroupError, peer_groups_by_county, peer_groups_by_name, peer_groups_from_csv};

/// How municipalities are grouped into peers for the gap metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PeerGroups {
    /// No groups: every municipality is compared with all.
    #[default]
    None,
    /// Municipalities of one county (län, landskap) are peers.
    ByCounty,
    /// Municipality (its name, in any case, or its code) to group.
    Given(HashMap<String, String>),
    /// A `municipality,group` CSV file.
    File(PathBuf),
}

/// How much of the evidence behind coverage is kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EvidenceDetail {
    /// Every piece, with its words and sentence.
    #[default]
    Full,
    /// Only how many pieces each area has (`evidence_count`): what
    /// `kommunbench coverage` prints, in less time and memory.
    Count,
}

impl EvidenceDetail {
    /// `coverage` with as much of its evidence as this detail keeps.
    fn keep(self, mut coverage: Vec<AreaCoverage>) -> Vec<AreaCoverage> {
        if self == EvidenceDetail::Count {
            for area in &mut coverage {
                area.evidence = Vec::new();
            }
        }
        coverage
    }
}

/// The peer groups of a built pipeline, their file read.
#[derive(Debug)]
enum Groups {
    All,
    ByCounty,
    Given(HashMap<String, String>),
}

/// Which framework: a built-in id or a file, or one already loaded.
#[derive(Debug, Clone)]
enum FrameworkSpec {
    Named(String),
    Given(Framework),
}

/// A built-in mapper, or the caller's own.
enum Chosen {
    Kind(MapperKind),
    Custom(Box<dyn Mapper>),
}

/// The mapper of a built pipeline: a built-in one with its lexicon, or
/// the caller's own.
enum Ready {
    Kind(MapperKind, Lexicon),
    Custom(Box<dyn Mapper>),
}

impl std::fmt::Debug for Ready {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ready::Kind(k, _) => write!(f, "{k}"),
            Ready::Custom(m) => write!(f, "custom mapper `{}`", m.method()),
        }
    }
}

impl std::fmt::Debug for Chosen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Chosen::Kind(k) => write!(f, "{k}"),
            Chosen::Custom(m) => write!(f, "custom mapper `{}`", m.method()),
        }
    }
}

/// A pipeline that could not be built or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The framework could not be loaded.
    #[error(transparent)]
    Framework(#[from] FrameworkError),
    /// The lexicon could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The peer groups file is not valid.
    #[error(transparent)]
    Groups(#[from] PeerGroupError),
    /// The threshold is not a number in [0, 1].
    #[error("threshold {0} is not a number from 0 to 1")]
    Threshold(f64),
}

/// Configures a [`Pipeline`].
#[derive(Debug)]
pub struct PipelineBuilder {
    framework: FrameworkSpec,
    lexicon: Option<PathBuf>,
    mapper: Chosen,
    threshold: Option<f64>,
    groups: PeerGroups,
    registry: Option<MunicipalityRegistry>,
    all_pairs: bool,
    municipalities_only: bool,
}

impl PipelineBuilder {
    /// A built-in framework id (`se-2008`, `se-2025`) or a framework file
    /// (default `se-2008`).
    #[must_use]
    pub fn framework(mut self, spec: impl Into<String>) -> Self {
        self.framework = FrameworkSpec::Named(spec.into());
        self
    }

    /// A framework already loaded.
    #[must_use]
    pub fn framework_value(mut self, framework: Framework) -> Self {
        self.framework = FrameworkSpec::Given(framework);
        self
    }

    /// A lexicon file for the framework (built-in frameworks have one).
    #[must_use]
    pub fn lexicon(mut self, path: impl Into<PathBuf>) -> Self {
        self.lexicon = Some(path.into());
        self
    }

    /// A built-in mapper (default [`MapperKind::Lexicon`]).
    #[must_use]
    pub fn mapper(mut self, kind: MapperKind) -> Self {
        self.mapper = Chosen::Kind(kind);
        self
    }

    /// Your own mapper instead of a built-in one.
    #[must_use]
    pub fn custom_mapper(mut self, mapper: Box<dyn Mapper>) -> Self {
        self.mapper = Chosen::Custom(mapper);
        self
    }

    /// Accept alignments from this score instead of the mapper's own
    /// threshold.
    #[must_use]
    pub fn threshold(mut self, threshold: Option<f64>) -> Self {
        self.threshold = threshold;
        self
    }

    /// How peers are grouped (default: none).
    #[must_use]
    pub fn peer_groups(mut self, groups: PeerGroups) -> Self {
        self.groups = groups;
        self
    }

    /// List every pair of municipalities in the peers table, not only each
    /// one's nearest peers.
    #[must_use]
    pub fn all_pairs(mut self, yes: bool) -> Self {
        self.all_pairs = yes;
        self
    }

    /// Leaves out of the benchmark's rows every document in which the
    /// municipality does not speak itself: party programmes, regional and
    /// national texts (by default each is a row of its own, see
    /// [`Actor`](crate::Actor)). They are listed in
    /// [`Benchmark::left_out`].
    #[must_use]
    pub fn municipalities_only(mut self, yes: bool) -> Self {
        self.municipalities_only = yes;
        self
    }

    /// The municipalities a peer groups file may name (the built-in ones
    /// by default): give the registry the corpus is read with.
    #[must_use]
    pub fn registry(mut self, registry: MunicipalityRegistry) -> Self {
        self.registry = Some(registry);
        self
    }

    /// Loads the framework, the lexicon and the peer groups file.
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        let framework = match self.framework {
            FrameworkSpec::Named(spec) => Framework::resolve(&spec)?,
            FrameworkSpec::Given(f) => f,
        };
        // Ingestion's patterns are built on another core while the
        // lexicon's automaton is built here: the first documents read
        // would otherwise wait on both, one after the other.
        let (mapper, ()) = rayon::join(
            || -> Result<Ready, PipelineError> {
                let lexicon = self.lexicon.as_ref().map(|path| Lexicon::from_path(path, &framework)).transpose()?;
                Ok(match self.mapper {
                    Chosen::Kind(kind) => Ready::Kind(kind, lexicon.map_or_else(|| Lexicon::builtin(&framework), Ok)?),
                    // Your own mapper needs no lexicon (a framework of your own may have none).
                    Chosen::Custom(m) => Ready::Custom(m),
                })
            },
            kommunbench_ingest::prepare_ingestion,
        );
        let mapper = mapper?;
        if let Some(t) = self.threshold
            && !(0.0..=1.0).contains(&t)
        {
            return Err(PipelineError::Threshold(t));
        }
        let groups = match self.groups {
            PeerGroups::None => Groups::All,
            PeerGroups::ByCounty => Groups::ByCounty,
            PeerGroups::Given(g) => Groups::Given(g),
            PeerGroups::File(path) => {
                let registry = self.registry.unwrap_or_else(MunicipalityRegistry::builtin);
                Groups::Given(peer_groups_from_csv(&path, &registry)?)
            }
        };
        Ok(Pipeline {
            framework,
            mapper,
            threshold: self.threshold,
            groups,
            all_pairs: self.all_pairs,
            municipalities_only: self.municipalities_only,
        })
    }
}

/// Framework, mapper, threshold and peer groups, ready to run over
/// corpora.
///
/// ```
/// use kommunbench_analysis::{PeerGroups, Pipeline};
/// use kommunbench_ingest::Ingester;
/// use kommunbench_mapping::MapperKind;
///
/// let ingester = Ingester::new();
/// let docs = vec![
///     ingester.ingest_str("vaggeryd", "Mål för integrationsarbete\n\nDelmål\n\n\
///         Arbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n")?,
///     ingester.ingest_str("hedemora", "Integrationsplan\n\nVi vill:\n\n- Fler i arbete\n- Bättre språkkunskaper i svenska för vuxna\n")?,
/// ];
/// let pipeline = Pipeline::builder().mapper(MapperKind::Lexicon).peer_groups(PeerGroups::ByCounty).build()?;
/// let bench = pipeline.run(&docs);
/// assert_eq!(bench.profiles().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Pipeline {
    framework: Framework,
    mapper: Ready,
    threshold: Option<f64>,
    groups: Groups,
    all_pairs: bool,
    municipalities_only: bool,
}

/// Alignments of a corpus and the threshold they were accepted at.
#[derive(Debug, Clone)]
pub struct Mapped {
    /// One mapping per document, in the corpus's order.
    pub mappings: Vec<DocumentMapping>,
    /// The score from which an alignment was accepted.
    pub threshold: f64,
}

impl Pipeline {
    /// A builder with the defaults: `se-2008`, its lexicon, the lexicon
    /// mapper at its own threshold, no peer groups.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            framework: FrameworkSpec::Named(Framework::DEFAULT.to_owned()),
            lexicon: None,
            mapper: Chosen::Kind(MapperKind::default()),
            threshold: None,
            groups: PeerGroups::None,
            registry: None,
            all_pairs: false,
            municipalities_only: false,
        }
    }

    /// The framework.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// The mapper's method as it appears in output (`lexicon`, `ensemble`).
    pub fn method(&self) -> &str {
        match &self.mapper {
            Ready::Kind(kind, _) => kind.as_str(),
            Ready::Custom(m) => m.method(),
        }
    }

    /// Maps every document; a similarity mapper is fitted on `corpus`.
    pub fn map(&self, corpus: &[PolicyDocument]) -> Mapped {
        self.map_each(corpus, true)
    }

    /// Maps every document in parallel, with or without the text and
    /// evidence of segment alignments ([`Aligner::without_segment_detail`]).
    fn map_each(&self, corpus: &[PolicyDocument], segment_detail: bool) -> Mapped {
        self.with_mapper(corpus, |mapper| {
            let aligner = Aligner::new(&self.framework, mapper);
            let aligner = if segment_detail { aligner } else { aligner.without_segment_detail() };
            let mappings = corpus.par_iter().map(|d| aligner.map_document(d)).collect();
            Mapped { mappings, threshold: mapper.threshold() }
        })
    }

    /// Document coverage only, with each document's facts, in the corpus's
    /// order: what `coverage` prints, without the alignments of every
    /// unit. With [`EvidenceDetail::Count`] each area keeps its evidence
    /// count and not the evidence itself.
    pub fn coverages(&self, corpus: &[PolicyDocument], evidence: EvidenceDetail) -> Vec<DocumentCoverage> {
        let coverages = self.with_mapper_for(corpus, evidence, |mapper| Aligner::new(&self.framework, mapper).coverages(corpus));
        corpus
            .iter()
            .zip(coverages)
            .map(|(d, coverage)| DocumentCoverage { info: DocumentInfo::from(d), coverage: evidence.keep(coverage) })
            .collect()
    }

    /// Reads `paths` with `reader` and gives each document's coverage and
    /// facts, in the corpus's order: what `kommunbench coverage` prints.
    /// With [`EvidenceDetail::Count`] each area keeps its evidence count
    /// and not the evidence itself.
    ///
    /// With a mapper that is not fitted on the corpus (the lexicon mapper,
    /// the default, or your own), each document is mapped as soon as it is
    /// read and its text let go, so memory holds a few dozen documents at
    /// a time whatever the corpus's size. A fitted mapper
    /// ([`MapperKind::fits_corpus`]) reads the whole corpus first. The
    /// coverage is the same either way.
    ///
    /// ```
    /// use kommunbench_analysis::{EvidenceDetail, Pipeline};
    /// use kommunbench_ingest::CorpusReader;
    ///
    /// let pipeline = Pipeline::builder().build()?;
    /// let reader = CorpusReader::new();
    /// let read = pipeline.read_coverages(&reader, &["../../fixtures/corpus"], |_| {}, EvidenceDetail::Full);
    /// assert_eq!(read.documents.len(), 5);
    /// assert!(read.failures.is_empty());
    /// let vaggeryd = read.documents.iter().find(|d| d.info.id.as_str() == "vaggeryd-2017").unwrap();
    /// let work = vaggeryd.coverage.iter().find(|c| c.area.as_str() == "work").unwrap();
    /// assert!(work.covered && work.evidence.len() == work.evidence_count);
    ///
    /// // Counts only: the same coverage, without the evidence.
    /// let counted = pipeline.read_coverages(&reader, &["../../fixtures/corpus"], |_| {}, EvidenceDetail::Count);
    /// let again = counted.documents.iter().find(|d| d.info.id.as_str() == "vaggeryd-2017").unwrap();
    /// let work_again = again.coverage.iter().find(|c| c.area.as_str() == "work").unwrap();
    /// assert_eq!((work_again.score, work_again.evidence_count), (work.score, work.evidence_count));
    /// assert!(work_again.evidence.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_coverages<P: AsRef<Path>>(
        &self,
        reader: &CorpusReader,
        paths: &[P],
        progress: impl FnMut(Progress<'_>),
        evidence: EvidenceDetail,
    ) -> Corpus<DocumentCoverage> {
        if let Ready::Kind(kind, _) = &self.mapper
            && kind.fits_corpus()
        {
            let corpus = reader.read_with_progress(paths, progress);
            let documents = self.coverages(&corpus.documents, evidence);
            return Corpus { documents, failures: corpus.failures, warnings: corpus.warnings };
        }
        self.with_mapper_for(&[], evidence, |mapper| {
            let aligner = Aligner::new(&self.framework, mapper);
            reader.read_each(paths, progress, |doc| DocumentCoverage {
                coverage: evidence.keep(aligner.coverage(&doc)),
                info: DocumentInfo::from(&doc),
            })
        })
    }

    /// Runs `f` with the mapper for `corpus`, at the chosen threshold.
    fn with_mapper<R>(&self, corpus: &[PolicyDocument], f: impl FnOnce(&dyn Mapper) -> R) -> R {
        self.with_mapper_for(corpus, EvidenceDetail::Full, f)
    }

    /// [`Pipeline::with_mapper`], with a lexicon mapper that keeps only
    /// evidence spans when the evidence is only counted.
    fn with_mapper_for<R>(&self, corpus: &[PolicyDocument], evidence: EvidenceDetail, f: impl FnOnce(&dyn Mapper) -> R) -> R {
        let built;
        let mapper: &dyn Mapper = match &self.mapper {
            Ready::Kind(MapperKind::Lexicon, lexicon) if evidence == EvidenceDetail::Count => {
                built = Box::new(LexiconMapper::new(lexicon.clone()).spans_only()) as Box<dyn Mapper>;
                built.as_ref()
            }
            Ready::Kind(kind, lexicon) => {
                built = kind.build(&self.framework, lexicon.clone(), corpus);
                built.as_ref()
            }
            Ready::Custom(m) => m.as_ref(),
        };
        let thresholded;
        let mapper: &dyn Mapper = match self.threshold {
            Some(threshold) => {
                thresholded = Thresholded { inner: mapper, threshold };
                &thresholded
            }
            None => mapper,
        };
        f(mapper)
    }

    /// The peer group of each municipality of `corpus`.
    pub fn groups(&self, corpus: &[PolicyDocument]) -> HashMap<Actor, String> {
        self.groups_of(&corpus.iter().map(DocumentInfo::from).collect::<Vec<_>>())
    }

    /// The peer group of each municipality of these documents.
    fn groups_of(&self, documents: &[DocumentInfo]) -> HashMap<Actor, String> {
        match &self.groups {
            Groups::All => HashMap::new(),
            Groups::ByCounty => peer_groups_by_county(documents),
            Groups::Given(g) => peer_groups_by_name(documents, g),
        }
    }

    /// Maps the corpus and computes every table of the benchmark. Each
    /// mapping keeps what the benchmark uses
    /// ([`Aligner::without_segment_detail`]).
    pub fn run(&self, corpus: &[PolicyDocument]) -> Benchmark {
        self.benchmark(corpus, self.map_each(corpus, false))
    }

    /// Reads `paths` with `reader` and benchmarks them: the benchmark
    /// [`Pipeline::run`] gives of the same documents, with the ids of the
    /// documents read and what failed or was read with a caveat.
    ///
    /// With a mapper that is not fitted on the corpus (the lexicon mapper,
    /// the default, or your own), each document is mapped as soon as it is
    /// read and only its facts ([`DocumentInfo`]) and mapping are kept, so
    /// memory holds the evidence, not the text. A fitted mapper
    /// ([`MapperKind::fits_corpus`]) reads the whole corpus first.
    ///
    /// ```
    /// use kommunbench_analysis::Pipeline;
    /// use kommunbench_ingest::CorpusReader;
    ///
    /// let pipeline = Pipeline::builder().build()?;
    /// let reader = CorpusReader::new();
    /// let (bench, read) = pipeline.read_benchmark(&reader, &["../../fixtures/corpus"], |_| {});
    /// assert_eq!(read.documents.len(), 5);
    /// assert!(read.failures.is_empty());
    /// // The benchmark of the documents read whole and run.
    /// let whole = pipeline.run(&reader.read(&["../../fixtures/corpus"]).documents);
    /// assert_eq!(bench.matrix.long()?, whole.matrix.long()?);
    /// assert_eq!(bench.evidence()?, whole.evidence()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_benchmark<P: AsRef<Path>>(
        &self,
        reader: &CorpusReader,
        paths: &[P],
        progress: impl FnMut(Progress<'_>),
    ) -> (Benchmark, Corpus<DocumentId>) {
        if let Ready::Kind(kind, _) = &self.mapper
            && kind.fits_corpus()
        {
            let corpus = reader.read_with_progress(paths, progress);
            let bench = self.run(&corpus.documents);
            let documents = corpus.documents.into_iter().map(|d| d.id).collect();
            return (bench, Corpus { documents, failures: corpus.failures, warnings: corpus.warnings });
        }
        let (read, threshold) = self.with_mapper(&[], |mapper| {
            let aligner = Aligner::new(&self.framework, mapper).without_segment_detail();
            let read = reader.read_each(paths, progress, |doc| (DocumentInfo::from(&doc), aligner.map_document(&doc)));
            (read, mapper.threshold())
        });
        let ids = read.documents.iter().map(|(d, _)| d.id.clone()).collect();
        let (documents, mappings) = read.documents.into_iter().unzip();
        let bench = self.benchmark_of(documents, mappings, threshold);
        (bench, Corpus { documents: ids, failures: read.failures, warnings: read.warnings })
    }

    /// The benchmark of a corpus already mapped (by [`Pipeline::map`]).
    pub fn benchmark(&self, corpus: &[PolicyDocument], mapped: Mapped) -> Benchmark {
        let documents = DocumentInfo::of_mappings(corpus, &mapped.mappings);
        self.benchmark_of(documents, mapped.mappings, mapped.threshold)
    }

    /// The benchmark of mappings and their documents' facts, in step.
    fn benchmark_of(&self, documents: Vec<DocumentInfo>, mappings: Vec<DocumentMapping>, threshold: f64) -> Benchmark {
        let groups = self.groups_of(&documents);
        let (mut kept, mut left_out) = ((Vec::new(), Vec::new()), Vec::new());
        for (d, mut m) in documents.into_iter().zip(mappings) {
            m.drop_segment_detail();
            if self.municipalities_only && !d.actor.speaker().is_municipality() {
                left_out.push(d);
            } else {
                kept.0.push(d);
                kept.1.push(m);
            }
        }
        let mut bench = Benchmark::from_documents(&self.framework, threshold, kept.0, kept.1, groups);
        bench.left_out = left_out;
        if self.all_pairs { bench.with_all_pairs() } else { bench }
    }
}

/// A mapper accepted at another threshold.
struct Thresholded<'a> {
    inner: &'a dyn Mapper,
    threshold: f64,
}

impl Mapper for Thresholded<'_> {
    fn method(&self) -> &str {
        self.inner.method()
    }

    fn threshold(&self) -> f64 {
        self.threshold
    }

    fn score(&self, unit: &Unit<'_>) -> Vec<AreaScore> {
        self.inner.score(unit)
    }

    fn score_all(&self, units: &[Unit<'_>]) -> Vec<Vec<AreaScore>> {
        self.inner.score_all(units)
    }

    fn score_each(&self, units: &[Unit<'_>], f: &mut dyn FnMut(usize, Vec<AreaScore>)) {
        self.inner.score_each(units, f);
    }
}

#[cfg(test)]
mod tests {
    use kommunbench_ingest::Ingester;

    use super::*;

    fn docs() -> Vec<PolicyDocument> {
        let ingester = Ingester::new();
        vec![
            ingester
                .ingest_str(
                    "vaggeryd",
                    "Mål\n\nDelmål\n\nArbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n",
                )
                .unwrap(),
        ]
    }

    #[test]
    fn a_threshold_overrides_the_mapper_s_own() {
        let strict = Pipeline::builder().threshold(Some(1.0)).build().unwrap().map(&docs());
        let default = Pipeline::builder().build().unwrap().map(&docs());
        assert!((strict.threshold - 1.0).abs() < f64::EPSILON);
        assert!(default.threshold < 1.0);
        let accepted = |m: &Mapped| m.mappings[0].alignments.iter().filter(|a| a.accepted).count();
        assert!(accepted(&default) > accepted(&strict), "{} {}", accepted(&default), accepted(&strict));
        assert!(matches!(Pipeline::builder().threshold(Some(1.5)).build(), Err(PipelineError::Threshold(_))));
    }

    #[test]
    fn every_built_in_mapper_runs_and_says_its_method() {
        for kind in MapperKind::ALL {
            let mapped = Pipeline::builder().mapper(kind).build().unwrap().map(&docs());
            assert_eq!(mapped.mappings[0].method, kind.as_str());
        }
    }

    #[test]
    fn given_groups_name_a_municipality_by_name_in_any_case_or_by_code() {
        let group = |given: &[(&str, &str)]| {
            let given = given.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
            let pipeline = Pipeline::builder().peer_groups(PeerGroups::Given(given)).build().unwrap();
            pipeline.groups(&docs()).into_iter().map(|(k, g)| (k.name().to_owned(), g)).collect::<Vec<_>>()
        };
        let vaggeryd = vec![("Vaggeryd".to_owned(), "south".to_owned())];
        assert_eq!(group(&[("Vaggeryd", "south")]), vaggeryd);
        assert_eq!(group(&[("VAGGERYD", "south")]), vaggeryd);
        assert_eq!(group(&[("0665", "south")]), vaggeryd);
        assert!(group(&[("Vasa", "north")]).is_empty());
    }

    #[test]
    fn a_party_s_programme_is_a_row_of_its_own_or_left_out() {
        let ingester = Ingester::new();
        let docs = vec![
            ingester
                .ingest_str("lomma", "Lomma kommun\n\nIntegration\n\nKommunen erbjuder sfi och praktik för nyanlända.\n")
                .unwrap(),
            ingester
                .ingest_str(
                    "lomma-m",
                    "Integration\n\nVi moderater i Lomma vill att fler nyanlända får arbete.\n\n- Fler i jobb\n",
                )
                .unwrap(),
        ];
        let bench = Pipeline::builder().build().unwrap().run(&docs);
        let rows: Vec<(&str, String)> = bench.profiles().iter().map(|p| (p.name(), p.actor.speaker().to_string())).collect();
        assert_eq!(rows, [("Lomma", "municipality".to_owned()), ("Lomma (M)", "party:M".to_owned())]);
        let metrics = bench.metrics().unwrap();
        assert_eq!(metrics.column("kinds").unwrap().str().unwrap().get(1), Some("party_programme"));
        let own = Pipeline::builder().municipalities_only(true).build().unwrap().run(&docs);
        assert_eq!(own.profiles().len(), 1);
        assert_eq!(own.left_out.iter().map(|d| d.actor.name()).collect::<Vec<_>>(), ["Lomma (M)"]);
    }

    #[test]
    fn a_corpus_benchmarked_as_it_is_read_is_the_corpus_run_whole() {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            ("lomma.txt", "Lomma kommun\n\nIntegration\n\nKommunen erbjuder sfi och praktik för nyanlända.\n"),
            ("lomma-m.txt", "Integration\n\nVi moderater i Lomma vill att fler nyanlända får arbete.\n\n- Fler i jobb\n"),
            ("vasa.txt", "Vasa stad\n\nMål\n\n- Fler i arbete och eget företagande\n- Svenska för vuxna\n"),
            ("hedemora.txt", "Hedemora kommun\n\nVi vill:\n\n- Fler i arbete\n- Trygga bostadsområden\n"),
        ];
        for (name, text) in texts {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        let reader = CorpusReader::new();
        for municipalities_only in [false, true] {
            let pipeline =
                Pipeline::builder().peer_groups(PeerGroups::ByCounty).municipalities_only(municipalities_only).build().unwrap();
            let (streamed, read) = pipeline.read_benchmark(&reader, &[dir.path()], |_| {});
            assert_eq!((read.documents.len(), read.failures.len()), (4, 1), "the empty file fails, the others are read");
            let whole = pipeline.run(&reader.read(&[dir.path()]).documents);
            assert_eq!(streamed.documents, whole.documents);
            assert_eq!(streamed.left_out, whole.left_out);
            assert_eq!(streamed.groups, whole.groups);
            assert_eq!(streamed.mappings, whole.mappings);
            assert_eq!(streamed.matrix.long().unwrap(), whole.matrix.long().unwrap());
            assert_eq!(streamed.metrics().unwrap(), whole.metrics().unwrap());
            assert_eq!(streamed.peers().unwrap(), whole.peers().unwrap());
        }
    }

    #[test]
    fn an_unknown_framework_is_an_error() {
        let err = Pipeline::builder().framework("se-1999").build().unwrap_err();
        assert!(err.to_string().contains("se-1999"), "{err}");
    }
}
