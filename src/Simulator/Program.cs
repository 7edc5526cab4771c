await Inbox.Simulator.SimulatorApp.Create(args).RunAsync();
