import Catalogue
import Reports

/// A CPV code as `svtk cpv CODE --format json` gives it: its description, the codes above it (broadest first,
/// each as `code description`) and the contract subject the taxonomy files it under, with the reason.
struct CPVCodeOutput: OutputDocument {
    var code: String
    var description: String
    var ancestors: [String]
    var subject: Nullable<String>
    var subjectReason: Nullable<String>

    init(_ code: CPVVocabulary.Code, _ catalogue: Catalogue) {
        let subject = catalogue.taxonomy.subject(for: code)
        self.code = code.full
        description = code.description
        ancestors = catalogue.cpv.ancestors(of: code).dropLast().map { "\($0.full) \($0.description)" }
        self.subject = Nullable(subject?.subject.id)
        subjectReason = Nullable(subject?.rule.reason)
    }
}

/// A code found by `svtk cpv WORDS --format json`: its description and the id of its contract subject.
struct CPVMatchOutput: OutputDocument {
    var code: String
    var description: String
    var subject: Nullable<String>

    init(_ code: CPVVocabulary.Code, _ catalogue: Catalogue) {
        self.code = code.full
        description = code.description
        subject = Nullable(catalogue.taxonomy.subject(for: code)?.subject.id)
    }
}
