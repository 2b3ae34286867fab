import ArgumentParser
import Loaders

/// A number typed on the command line, read as the data files' numbers are: decimal digits with an optional
/// sign, point, exponent, thousands commas or percent sign; never hex (`0x10`), `inf` or `nan`.
struct Figure: ExpressibleByArgument, CustomStringConvertible {
    let value: Double

    /// A default value.
    init(_ value: Double) { self.value = value }

    var description: String { "\(value)" }

    init?(argument: String) {
        guard let number = NumericCell.parse(argument)?.number else { return nil }
        value = number
    }
}
