package io.paperwire.notify.matching;

import java.util.List;

/**
 * The words {@link SubscriptionGenerator} builds queries from, written for paperwire and ordered roughly from the
 * most to the least asked-for, so that a Zipf draw by rank gives a realistic mix: many subscribers want
 * "machine learning", few want "ricci flow". Covers computer science, physics, astronomy, mathematics and a little
 * biology and finance, like arXiv. Author names are common surnames and given names, some with accents.
 */
final class QueryVocabulary {

    private QueryVocabulary() {
    }

    /** Single words, searched in title, abstract and keywords or in one named field. */
    static final List<String> TERMS = List.of(
            "learning", "quantum", "neural", "graph", "optimization", "transformer", "entanglement",
            "superconductivity", "galaxy", "cosmology", "reinforcement", "diffusion", "topological", "spin",
            "lattice", "algorithm", "inference", "bayesian", "stochastic", "manifold", "gravitational", "neutrino",
            "magnetic", "graphene", "qubit", "black", "inflation", "supernova", "turbulence", "plasma",
            "polynomial", "conjecture", "eigenvalue", "boson", "fermion", "photon", "laser", "soliton", "gauge",
            "symmetry", "anomaly", "higgs", "quark", "hadron", "redshift", "quasar", "pulsar", "exoplanet",
            "accretion", "protein", "genome", "epidemic", "volatility", "auction", "equilibrium", "complexity",
            "cryptography", "privacy", "robot", "segmentation", "detection", "retrieval", "recommendation",
            "compiler", "verification", "database", "consensus", "wireless", "coding", "compression", "kalman",
            "regression", "classification", "clustering", "kernel", "sparse", "tensor", "percolation", "ising",
            "hubbard", "nanotube", "semiconductor", "insulator", "vortex", "condensate", "superfluid", "dirac",
            "majorana", "decoherence", "teleportation", "annealing", "entropy", "chaos", "bifurcation", "fractal",
            "knot", "homology", "cohomology", "sheaf", "groupoid", "modular", "elliptic", "zeta", "hilbert",
            "banach", "sobolev", "hamiltonian", "lagrangian", "integrable", "perturbation", "renormalization",
            "scattering", "luminosity", "neutron", "nucleus", "fission", "tokamak", "catalysis", "polymer",
            "colloid", "granular", "glass", "crystal", "dislocation", "fracture", "elasticity", "viscosity",
            "rheology", "membrane", "neuron", "cortex", "ecology", "phylogenetic", "climate", "seismic",
            "asteroid", "comet", "solar", "flare", "magnetar", "wormhole", "holography", "supersymmetry", "axion",
            "metamaterial", "plasmon", "polariton", "exciton", "magnon", "skyrmion", "spintronics", "ferroelectric",
            "multiferroic", "perovskite", "cuprate", "pnictide", "quasicrystal", "amorphous", "dendrite",
            "wavelet", "interpolation", "quadrature", "multigrid", "preconditioner", "eigensolver", "homotopy",
            "monoid", "semigroup", "lattices", "matroid", "hypergraph", "tournament", "ramsey", "combinatorial",
            "martingale", "ergodic", "branching", "coalescent", "lévy", "brownian", "heston", "arbitrage");

    /** Multi-word phrases, quoted in queries. */
    static final List<String> PHRASES = List.of(
            "machine learning", "deep learning", "neural network", "black hole", "dark matter",
            "reinforcement learning", "large language model", "phase transition", "gravitational wave",
            "quantum computing", "graph neural network", "diffusion model", "dark energy", "neutron star",
            "star formation", "monte carlo", "markov chain", "mixture of experts", "quantum field theory",
            "string theory", "standard model", "cosmic microwave background", "spin glass", "topological insulator",
            "bose einstein condensate", "quantum error correction", "random matrix", "time series",
            "partial differential equation", "gradient descent", "convex optimization", "federated learning",
            "contrastive learning", "transfer learning", "object detection", "image segmentation",
            "speech recognition", "machine translation", "question answering", "knowledge graph",
            "anomaly detection", "causal inference", "variational inference", "gaussian process",
            "compressed sensing", "matrix completion", "galaxy cluster", "active galactic nuclei", "white dwarf",
            "supernova remnant", "cosmic rays", "higgs boson", "neutrino oscillation", "heavy ion collisions",
            "quark gluon plasma", "effective field theory", "conformal field theory", "entanglement entropy",
            "quantum walk", "quantum key distribution", "optical lattice", "cold atoms", "quantum dot",
            "spin orbit coupling", "hall effect", "charge density wave", "heavy fermion", "mott insulator",
            "hubbard model", "ising model", "renormalization group", "critical exponents", "random graph",
            "graph coloring", "prime numbers", "elliptic curves", "modular forms", "lie algebra", "hopf algebra",
            "moduli space", "riemannian manifold", "ricci flow", "navier stokes", "optimal transport",
            "game theory", "mechanism design", "differential privacy", "adversarial examples", "protein folding",
            "gene regulatory network", "complex networks", "power grid", "channel capacity",
            "error correcting codes", "self supervised learning", "few shot learning", "recommender system",
            "lattice gauge theory", "parton distribution", "primordial black holes", "dark matter halo",
            "stochastic differential equation", "low rank", "kernel methods", "sparse recovery");

    /** Topic tags the enricher may attach (searched as phrases in the tags field). */
    static final List<String> TOPIC_TAGS = List.of(
            "machine learning", "large language models", "quantum computing", "dark matter", "cosmology",
            "reinforcement learning", "graph neural networks", "diffusion models", "mixture of experts",
            "black holes", "gravitational waves", "superconductivity", "topological matter", "exoplanets",
            "number theory", "optimization", "computer vision", "natural language processing", "robotics",
            "privacy", "cryptography", "federated learning", "generative models", "interpretability",
            "protein structure", "climate", "epidemiology", "particle phenomenology", "neutrino physics",
            "string theory", "quantum information", "statistical mechanics", "fluid dynamics", "plasma physics",
            "galaxy evolution", "star formation", "high energy astrophysics", "combinatorics", "probability",
            "algebraic topology", "differential geometry", "partial differential equations", "numerical analysis",
            "signal processing", "information theory", "control theory", "recommender systems");

    /** Subject categories (arXiv taxonomy codes), the most subscribed first. */
    static final List<String> CATEGORIES = List.of(
            "cs.LG", "cs.CL", "cs.CV", "cs.AI", "quant-ph", "hep-th", "astro-ph.CO", "stat.ML", "cond-mat.str-el",
            "hep-ph", "math.PR", "gr-qc", "cond-mat.mes-hall", "math.CO", "astro-ph.GA", "cs.RO", "cs.CR",
            "math.AP", "cond-mat.stat-mech", "astro-ph.HE", "cond-mat.supr-con", "math.NT", "astro-ph.SR",
            "cs.DS", "math.AG", "astro-ph", "cond-mat.soft", "cs.IT", "math.OC", "hep-ex", "astro-ph.EP",
            "cond-mat.mtrl-sci", "math-ph", "math.DG", "nucl-th", "physics.optics", "math.ST", "hep-lat",
            "physics.flu-dyn", "eess.SP", "math.NA", "q-bio.PE", "physics.soc-ph", "nlin.CD", "q-fin.ST",
            "math.GT", "math.RT", "cs.NE", "nucl-ex", "physics.bio-ph");

    /** Category prefixes for wildcard queries such as {@code categories:cs.*}. */
    static final List<String> CATEGORY_PREFIXES = List.of(
            "cs.*", "math.*", "physics.*", "astro-ph*", "cond-mat*", "hep-*", "q-bio.*", "stat.*");

    /** Surnames, searched alone ({@code authors:"Wang"}) or after a given name. */
    static final List<String> SURNAMES = List.of(
            "Wang", "Zhang", "Li", "Liu", "Chen", "Yang", "Kim", "Lee", "Smith", "Müller", "Huang", "Zhao", "Wu",
            "Nguyen", "Kumar", "Singh", "Park", "Martin", "Johnson", "Brown", "Garcia", "Schmidt", "Rossi",
            "Sato", "Tanaka", "Ivanov", "Petrov", "Silva", "Santos", "Sánchez", "Pérez", "López", "Horváth",
            "Novák", "Nowak", "Kowalski", "Jensen", "Nielsen", "Andersson", "Cohen", "Dubois", "Bernard",
            "Fischer", "Weber", "Ferrari", "Russo", "Suzuki", "Takahashi", "Watanabe", "Sharma", "Gupta", "Patel",
            "Oliveira", "Hansen", "Johansson", "Levi", "Moreau", "Fontaine", "Costa", "Romano");

    /** Given names, put before a surname for full-name author queries. */
    static final List<String> GIVEN_NAMES = List.of(
            "Wei", "Jun", "Anna", "David", "Maria", "John", "Peter", "Michael", "Laura", "Thomas", "Sergei",
            "Hiroshi", "Elena", "Paolo", "José", "Ingrid", "Ahmed", "Priya", "Chen", "Olga");
}
