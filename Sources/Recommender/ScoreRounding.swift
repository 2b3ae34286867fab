extension Double {
    /// A score rounded to 4 decimal places, as ranks, theme balance and need evidence keep them, so that the
    /// same inputs give the same order and the same JSON on every machine.
    var roundedScore: Double { (self * 10000).rounded() / 10000 }
}
