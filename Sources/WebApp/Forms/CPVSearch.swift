import Catalogue
import Foundation

/// A search of the CPV vocabulary from the contract form's search box: the words as typed, and the codes whose
/// descriptions hold every one of them, or why the search was not run. Each word is looked for in each of the
/// vocabulary's descriptions, so a search longer than the policy allows (`policy/workspace_limits.csv`) is refused
/// before it is run, and a word typed twice is looked for once.
struct CPVSearch {
    /// The search as typed.
    let words: String
    /// The codes found, at most 25; none when the search was refused.
    let codes: [CPVVocabulary.Code]
    /// Why the search was not run, to show beside its box; nil when it was.
    let problem: String?

    /// The label of the search box, as its messages name it.
    static let label = "Search the CPV vocabulary"

    /// Runs the search `typed` in `vocabulary`, unless it is beyond `limits`.
    init(_ typed: String, in vocabulary: CPVVocabulary, limits: WorkspaceLimits) {
        let problem = Self.refusal(typed, limits: limits)
        (words, self.problem) = (typed, problem)
        guard problem == nil else {
            codes = []
            return
        }
        var seen: Set<String> = []
        let distinct = Self.searchWords(typed).filter { seen.insert($0).inserted }
        codes = distinct.isEmpty ? [] : vocabulary.search(distinct.joined(separator: " "), limit: 25)
    }

    /// What is wrong with a search beyond the limits, naming its box; nil when it is within them.
    static func refusal(_ typed: String, limits: WorkspaceLimits) -> String? {
        let (characters, most) = (limits.cpvSearchCharactersMaximum, limits.cpvSearchWordsMaximum)
        if typed.count > characters {
            return "\(label): \(typed.count.formatted()) characters, and a search has at most \(characters) "
                + "(policy/workspace_limits.csv); search for a few words of what is bought"
        }
        let count = searchWords(typed).count
        if count > most {
            return "\(label): \(count) words, and a search has at most \(most) (policy/workspace_limits.csv); "
                + "search for a few words of what is bought"
        }
        return nil
    }

    /// The words of a search as the vocabulary matches them: lower-case runs of letters and digits.
    static func searchWords(_ typed: String) -> [String] {
        typed.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
