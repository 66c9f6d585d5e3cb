using Forecaster.Modeling.TimeSeries.Iid;
using Forecaster.Modeling.TimeSeries.MLNet;
using Forecaster.Modeling.TimeSeries.RelativeEntropy;
using Forecaster.Modeling.TimeSeries.SpectralResidual;
using Forecaster.Modeling.TimeSeries.Ssa;
using Microsoft.ML;
using Xunit;

namespace Forecaster.Modeling.Tests;

/// <summary>One test per option guard: each bad value is rejected with a message naming the option and its CLI flag.</summary>
public sealed class OptionGuardTests
{
    private static void AssertRejected(Action validate, string option, string flag)
    {
        var error = Assert.Throws<ModelOptionException>(validate);
        Assert.Equal(option, error.Option);
        Assert.Contains(flag, error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void SsaValidate_Throws_WhenWindowSizeBelow2(int value) =>
        AssertRejected(() => new SsaForecasterOptions { WindowSize = value }.Validate(), "WindowSize", "--window-size");

    [Fact]
    public void SsaValidate_Throws_WhenTrainSizeBelowTwoWindows() =>
        AssertRejected(() => new SsaForecasterOptions { WindowSize = 30, TrainSize = 59 }.Validate(), "TrainSize", "--train-size");

    [Fact]
    public void SsaValidate_Throws_WhenSeriesLengthNotAboveWindow() =>
        AssertRejected(() => new SsaForecasterOptions { WindowSize = 30, SeriesLength = 30 }.Validate(), "SeriesLength", "--series-length");

    [Fact]
    public void SsaValidate_Throws_WhenHorizonBelow1() =>
        AssertRejected(() => new SsaForecasterOptions { Horizon = 0 }.Validate(), "Horizon", "--horizon");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void SsaValidate_Throws_WhenConfidenceOutsideOpenUnitInterval(double value) =>
        AssertRejected(() => new SsaForecasterOptions { ConfidenceLevel = value }.Validate(), "ConfidenceLevel", "--confidence");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void SsaValidate_Throws_WhenDiscountFactorOutside0To1(double value) =>
        AssertRejected(() => new SsaForecasterOptions { DiscountFactor = value }.Validate(), "DiscountFactor", "--discount-factor");

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    public void SsaValidate_Throws_WhenRankOutside1ToWindowMinus1(int value) =>
        AssertRejected(() => new SsaForecasterOptions { WindowSize = 24, Rank = value }.Validate(), "Rank", "--rank");

    [Fact]
    public void SsaValidate_Throws_WhenMaxRankAboveWindow() =>
        AssertRejected(() => new SsaForecasterOptions { WindowSize = 24, MaxRank = 30 }.Validate(), "MaxRank", "--max-rank");

    [Fact]
    public void SrValidate_Throws_WhenWindowSizeBelow8() =>
        AssertRejected(() => new SrCnnOptions { WindowSize = 7 }.Validate(), "WindowSize", "--window-size");

    [Fact]
    public void SrValidate_Throws_WhenBackAddAboveWindow() =>
        AssertRejected(() => new SrCnnOptions { WindowSize = 16, BackAddWindowSize = 17 }.Validate(), "BackAddWindowSize", "--back-add");

    [Fact]
    public void SrValidate_Throws_WhenLookaheadIsZero() =>
        AssertRejected(() => new SrCnnOptions { LookaheadWindowSize = 0 }.Validate(), "LookaheadWindowSize", "--lookahead");

    [Fact]
    public void SrValidate_Throws_WhenAveragingIsZero() =>
        AssertRejected(() => new SrCnnOptions { AveragingWindowSize = 0 }.Validate(), "AveragingWindowSize", "--averaging");

    [Fact]
    public void SrValidate_Throws_WhenJudgementNotBelowWindow() =>
        AssertRejected(() => new SrCnnOptions { WindowSize = 16, JudgementWindowSize = 16 }.Validate(), "JudgementWindowSize", "--judgement");

    [Theory]
    [InlineData(-0.1)]
    [InlineData(101.0)]
    public void SrValidate_Throws_WhenThresholdOutside0To100(double value) =>
        AssertRejected(() => new SrCnnOptions { Threshold = value }.Validate(), "Threshold", "--threshold");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-2)]
    public void SrBatchValidate_Throws_WhenBatchSizeNotMinus1OrAtLeast12(int value) =>
        AssertRejected(() => new SrBatchOptions { BatchSize = value }.Validate(), "BatchSize", "--batch");

    [Theory]
    [InlineData(-1.0)]
    [InlineData(100.5)]
    public void SrBatchValidate_Throws_WhenSensitivityOutside0To100(double value) =>
        AssertRejected(() => new SrBatchOptions { Sensitivity = value }.Validate(), "Sensitivity", "--sensitivity");

    [Fact]
    public void SrBatchValidate_Throws_WhenThresholdNegative() =>
        AssertRejected(() => new SrBatchOptions { Threshold = -1 }.Validate(), "Threshold", "--threshold");

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    public void SpikeValidate_Throws_WhenConfidenceOutsideOpen0To100(double value) =>
        AssertRejected(() => new IidSpikeOptions { Confidence = value }.Validate(), "Confidence", "--confidence");

    [Fact]
    public void SpikeValidate_Throws_WhenHistoryBelow3() =>
        AssertRejected(() => new IidSpikeOptions { PValueHistoryLength = 2 }.Validate(), "PValueHistoryLength", "--history");

    [Fact]
    public void SpikeValidate_Throws_WhenSideUndefined() =>
        AssertRejected(() => new IidSpikeOptions { Side = (AnomalySide)9 }.Validate(), "Side", "--side");

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    public void ChangePointValidate_Throws_WhenConfidenceOutsideOpen0To100(double value) =>
        AssertRejected(() => new IidChangePointOptions { Confidence = value }.Validate(), "Confidence", "--confidence");

    [Fact]
    public void ChangePointValidate_Throws_WhenHistoryBelow3() =>
        AssertRejected(() => new IidChangePointOptions { ChangeHistoryLength = 1 }.Validate(), "ChangeHistoryLength", "--history");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ChangePointValidate_Throws_WhenEpsilonOutsideOpenUnitInterval(double value) =>
        AssertRejected(() => new IidChangePointOptions { Epsilon = value }.Validate(), "Epsilon", "--epsilon");

    [Fact]
    public void ChangePointValidate_Throws_WhenMartingaleUndefined() =>
        AssertRejected(() => new IidChangePointOptions { Martingale = (MartingaleType)7 }.Validate(), "Martingale", "--martingale");

    [Fact]
    public void ChangePointValidate_Throws_WhenSideUndefined() =>
        AssertRejected(() => new IidChangePointOptions { Side = (AnomalySide)7 }.Validate(), "Side", "--side");

    [Theory]
    [InlineData(3)]
    [InlineData(100_001)]
    public void RelativeEntropyValidate_Throws_WhenWindowSizeOutside4To100000(int value) =>
        AssertRejected(() => new RelativeEntropyOptions { WindowSize = value }.Validate(), "WindowSize", "--window-size");

    [Theory]
    [InlineData(1)]
    [InlineData(1001)]
    public void RelativeEntropyValidate_Throws_WhenBinCountOutside2To1000(int value) =>
        AssertRejected(() => new RelativeEntropyOptions { BinCount = value }.Validate(), "BinCount", "--bins");

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    [InlineData(double.NaN)]
    public void RelativeEntropyValidate_Throws_WhenConfidenceOutsideOpen0To100(double value) =>
        AssertRejected(() => new RelativeEntropyOptions { Confidence = value }.Validate(), "Confidence", "--confidence");

    [Fact]
    public void RelativeEntropyValidate_Throws_WhenSuppressionNegative() =>
        AssertRejected(() => new RelativeEntropyOptions { SuppressionLength = -1 }.Validate(), "SuppressionLength", "--suppression");

    [Fact]
    public void RelativeEntropyValidate_Throws_WhenMaxHypothesesBelow1() =>
        AssertRejected(() => new RelativeEntropyOptions { MaxHypotheses = 0 }.Validate(), "MaxHypotheses", "--max-hypotheses");

    [Fact]
    public void DetectAnomalyByRelativeEntropy_Throws_WhenBinCountOutOfRange() =>
        AssertRejected(() => new MLContext().Transforms.DetectAnomalyByRelativeEntropy("Out", "Value", binCount: 1), "BinCount", "--bins");
}
