using Forecaster.Host.Tests;
using Xunit;

// Hangfire keeps its configuration (JobStorage.Current) in statics: two in-process hosts at once would share it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(PostgresCluster))]
