console.log(`report ran as uid ${process.getuid()}`);
