import Formatting
import Testing

@Suite("Figure styles")
struct FigureStyleTests {
    @Test("money is whole pounds with thousands separated, rounded half away from zero")
    func money() {
        #expect(2_400_000.0.written(.money) == "£2,400,000")
        #expect(12_499.5.written(.money) == "£12,500")
        #expect(999.0.written(.money) == "£999")
        #expect((-1234.4).written(.money) == "-£1,234")
        #expect(Double?.none.written(.money, missing: "—") == "—")
    }

    @Test("pence keeps two decimals and groups thousands")
    func pence() {
        #expect(12.6.written(.pence) == "£12.60")
        #expect(1234.5.written(.pence) == "£1,234.50")
    }

    @Test("a share is a percentage to one decimal, a whole share to none")
    func share() {
        #expect(0.2.written(.share) == "20%")
        #expect((2.0 / 3).written(.share) == "66.7%")
        #expect(0.005.written(.share) == "0.5%")
        #expect((2.0 / 3).written(.wholeShare) == "67%")
        #expect(1.0.written(.wholeShare) == "100%")
        #expect(0.12.written(.signedWholeShare) == "+12%")
        #expect((-0.03).written(.signedWholeShare) == "-3%")
        #expect((-0.003).written(.signedWholeShare) == "0%")
    }

    @Test("scores have fixed decimals; a signed score shows its sign; minus zero is zero")
    func scores() {
        #expect(0.4237.written(.score) == "0.42")
        #expect(1.0.written(.score) == "1.00")
        #expect(0.4237.written(.preciseScore) == "0.4237")
        #expect(0.25.written(.signedScore) == "+0.25")
        #expect((-0.1).written(.signedScore) == "-0.10")
        #expect((-0.001).written(.signedScore) == "+0.00")
        #expect((-0.04).written(.shortScore) == "0.0")
        #expect((-0.001).written(.score) == "0.00")
    }

    @Test("working drops trailing zeros, keeps four decimals under 1 and groups thousands")
    func working() {
        #expect(1250.0.written(.working) == "1,250")
        #expect(12.5.written(.working) == "12.5")
        #expect(1234.567.written(.working) == "1,234.57")
        #expect(0.12345.written(.working) == "0.1235")
        #expect(0.5.written(.working) == "0.5")
    }

    @Test("plain is what a table cell or data column holds: no separators, up to four decimals")
    func plain() {
        #expect(2_400_000.0.written(.plain) == "2400000")
        #expect(23.989435314868.written(.plain) == "23.9894")
        #expect(Double?.none.written(.plain) == "")
    }

    @Test("a figure as given keeps every digit, and drops the point of a whole number")
    func asGiven() {
        #expect(2000.0.written(.asGiven) == "2000")
        #expect(1.00001.written(.asGiven) == "1.00001")
    }

    @Test("a statistic has two decimals below 100 and none from 100 up")
    func statistic() {
        #expect(23.989.written(.statistic) == "23.99")
        #expect(105.4.written(.statistic) == "105")
        #expect(1.26.written(.statistic(decimals: 1)) == "1.3")
        #expect(0.5.written(.statistic) == "0.5")
    }

    @Test("a quantity says its unit, in the singular for exactly one")
    func quantity() {
        #expect(3000.0.written(.quantity("GBP")) == "£3,000")
        #expect(1.0.written(.quantity("people (FTE)")) == "1 person (FTE)")
        #expect(5.0.written(.quantity("people")) == "5 people")
        #expect(1.0.written(.quantity("hours")) == "1 hour")
        #expect(24.0.written(.quantity("hours")) == "24 hours")
        #expect(1.0.written(.quantity("opportunities")) == "1 opportunity")
        #expect(1.0.written(.quantity("businesses")) == "1 business")
        #expect(1.0.written(.quantity("tCO2e")) == "1 tCO2e")
        #expect(90.0.written(.quantity("% of workforce")) == "90% of workforce")
        #expect(1.0.written(.quantity("commitment")) == "a commitment")
        #expect(2.5.written(.quantity("weeks")) == "2.5 weeks")
        #expect(1.0.written(.quantity("apprenticeship weeks")) == "1 apprenticeship week")
        #expect(1.0.written(.quantity("hours of volunteering")) == "1 hour of volunteering")
    }

    @Test("a figure that is not finite is never rounded into a number")
    func notFinite() {
        #expect(Double.nan.written(.money) == "nan")
        #expect(Double.infinity.written(.share) == "inf")
    }
}
