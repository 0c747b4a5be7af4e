using PlaceSimulation.Model.Calendar;

namespace PlaceSimulation.Model.Tests.Randomness;

public class YearMonthTests
{
    [Theory]
    [InlineData("2025-04", 2025, 4)]
    [InlineData("1999-12", 1999, 12)]
    public void Months_read_and_write_as_year_dash_month(string text, int y, int m)
    {
        var v = YearMonth.Parse(text);
        Assert.Equal(new YearMonth(y, m), v);
        Assert.Equal(text, v.ToString());
    }

    [Theory]
    [InlineData("2025-4")]
    [InlineData("2025-13")]
    [InlineData("25-04")]
    [InlineData("April 2025")]
    [InlineData("")]
    public void Other_forms_are_refused(string text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void Months_add_across_years()
    {
        Assert.Equal(new YearMonth(2026, 3), new YearMonth(2025, 4).AddMonths(11));
        Assert.Equal(12, new YearMonth(2026, 4).MonthsSince(new YearMonth(2025, 4)));
    }
}
