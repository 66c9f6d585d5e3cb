using Forecaster.Cli;

return await CommandCatalog.CreateRoot().Parse(args).InvokeAsync();
