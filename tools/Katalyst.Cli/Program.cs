using Katalyst.Cli;

return await KatalystCommand.Create().Parse(args).InvokeAsync();
